package uk.interop.kb.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * First start with no accounts: creates {@code admin}, with the password from {@code KB_ADMIN_PASSWORD}
 * or else a random one-time password logged once, which must be changed at first sign-in. The
 * {@code demo} profile instead creates one account per role, all with {@code KB_DEMO_PASSWORD} (refusing to start
 * without an acceptable one), lists them in the log, and disables an {@code admin} an earlier start left with a
 * one-time password.
 */
/* Only for the web app: the reindex command must never create accounts or print a password. */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class AccountBootstrap implements SmartInitializingSingleton {

	static final String ADMIN = "admin";
	static final java.util.Map<String, Role> DEMO_ACCOUNTS = java.util.Map.of("member@example.org", Role.MEMBER,
			"contributor@example.org", Role.CONTRIBUTOR, "editor@example.org", Role.EDITOR, "admin@example.org",
			Role.ADMIN);

	private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

	/** Demo accounts belong to a stand-in organisation, so they can try self-assessment without naming a real one. */
	static final String DEMO_ORGANISATION = "anonymised-police-force";

	private final AccountService accounts;
	private final AccountOrganisations organisations;
	private final AccountsProperties properties;
	private final Environment environment;

	AccountBootstrap(AccountService accounts, AccountOrganisations organisations, AccountsProperties properties,
			Environment environment) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
		// The demo has its own administrator (admin@example.org): a second one with a one-time password in the log
		// would only be one more way in that nobody is watching. One with KB_ADMIN_PASSWORD was asked for.
		if (accounts.noAccounts() && !(demo && properties.adminPassword().isBlank())) {
			createAdmin();
		}
		if (demo) {
			createDemoAccounts();
		}
	}

	private void createAdmin() {
		String configured = properties.adminPassword();
		if (!configured.isBlank()) {
			accounts.passwordProblem(configured, ADMIN).ifPresent(problem -> {
				throw new IllegalStateException("KB_ADMIN_PASSWORD is not acceptable: " + problem);
			});
			accounts.create(ADMIN, "Administrator", configured, Role.ADMIN, false);
			log.info("First start: created the administrator account '{}' with the password from KB_ADMIN_PASSWORD",
					ADMIN);
			return;
		}
		String oneTime = LinkTokens.newPassword();
		accounts.create(ADMIN, "Administrator", oneTime, Role.ADMIN, true);
		log.warn("First start: created the administrator account '{}' with the one-time password {} "
				+ "(shown only now; it must be changed at first sign-in)", ADMIN, oneTime);
	}

	private void createDemoAccounts() {
		String password = properties.demoPassword();
		if (password.isBlank()) {
			throw new IllegalStateException(
					"The demo profile needs KB_DEMO_PASSWORD (at least 12 characters) for its demo accounts");
		}
		// Checked against each account that will have it: the word "demo" is not anyone's username.
		for (String username : new java.util.TreeSet<>(DEMO_ACCOUNTS.keySet())) {
			accounts.passwordProblem(password, username).ifPresent(problem -> {
				throw new IllegalStateException("KB_DEMO_PASSWORD is not acceptable for " + username + ": " + problem);
			});
		}
		accounts.disableOneTimeAdmin(ADMIN).ifPresent(name -> log.warn("Demo profile: disabled the account '{}' "
				+ "left by an earlier start with a one-time password; the demo administrator is admin@example.org", name));
		DEMO_ACCOUNTS.forEach((username, role) -> {
			if (accounts.findByUsername(username).isEmpty()) {
				long id = accounts.create(username, "Demo " + role.label().toLowerCase(java.util.Locale.ROOT), password,
						role, false);
				organisations.assign(id, DEMO_ORGANISATION);
			}
		});
		StringBuilder list = new StringBuilder();
		java.util.List.of(Role.MEMBER, Role.CONTRIBUTOR, Role.EDITOR, Role.ADMIN).forEach(role -> DEMO_ACCOUNTS
			.forEach((username, r) -> {
				if (r == role) {
					list.append(String.format("%n  %-26s %s", username, role.label()));
				}
			}));
		log.warn("DEMO ACCOUNTS EXIST. Sign in at /sign-in as any of these, each with the password from "
				+ "KB_DEMO_PASSWORD:{}%nNever use the demo profile for real content.".replace("%n", System.lineSeparator()),
				list);
	}
}
