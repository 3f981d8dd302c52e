package uk.interop.kb.account;

/**
 * Accounts for tests, one per role, created on first use in the shared context's database.
 * Registered as a bean by {@link TestAccountsConfiguration}.
 */
public class TestAccounts {

	public static final String PASSWORD = "tortoise lantern orchard 42";

	private final AccountService accounts;
	private final AccountOrganisations organisations;

	TestAccounts(AccountService accounts, AccountOrganisations organisations) {
		this.accounts = accounts;
		this.organisations = organisations;
	}

	/** The username of an enabled account with this role and {@link #PASSWORD}, created if needed. */
	public String user(Role role) {
		return user(role.name().toLowerCase(java.util.Locale.ROOT) + "@test.example", role);
	}

	/** A fresh account that no other test uses, for tests that disable, lock or reset it. */
	public String fresh(String name, Role role) {
		return user(name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.example", role);
	}

	/** Puts the account in an organisation (a concept id from organisations.yml); returns the username. */
	public String inOrganisation(String username, String organisation) {
		organisations.assign(id(username), organisation);
		return username;
	}

	/** A fresh account with this role in this organisation. */
	public String freshIn(String name, Role role, String organisation) {
		return inOrganisation(fresh(name, role), organisation);
	}

	public long id(String username) {
		return accounts.findByUsername(username).orElseThrow().id();
	}

	private synchronized String user(String username, Role role) {
		if (accounts.findByUsername(username).isEmpty()) {
			accounts.create(username, "Test " + role.label(), PASSWORD, role, false);
		}
		return username;
	}
}
