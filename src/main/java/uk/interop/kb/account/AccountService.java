package uk.interop.kb.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.interop.kb.audit.AuditLog;

/** Everything that changes an account, each change written to the audit log. */
@Service
public class AccountService {

	private static final Pattern EMAIL = Account.EMAIL;
	/** Self-service reset links one account may be sent within an hour: enough for a lost email, not for a flood. */
	static final int RESETS_PER_ACCOUNT_PER_HOUR = 3;

	private final AccountRepository accounts;
	private final PasswordEncoder encoder;
	private final PasswordPolicy policy;
	private final AuditLog audit;
	private final AccountsProperties properties;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final DomainRules domains;

	AccountService(AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit,
			AccountsProperties properties, Clock clock, ApplicationEventPublisher events, DomainRules domains) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
		this.domains = domains;
	}

	/** Field name → message, in the order the form shows the fields; empty when the change was made. */
	public record Errors(Map<String, String> byField) {
		static Errors none() {
			return new Errors(Map.of());
		}

		public boolean any() {
			return !byField.isEmpty();
		}
	}

	public List<Account> all() {
		return accounts.findAll();
	}

	public Optional<Account> find(long id) {
		return accounts.findById(id);
	}

	/** Enabled accounts with this role or a higher one: who is told of work waiting for that role. */
	public List<Account> enabledWithRoleAtLeast(Role role) {
		return accounts.findAll().stream().filter(a -> a.enabled() && a.role().includes(role)).toList();
	}

	Optional<Account> findByUsername(String username) {
		return accounts.findByUsername(username);
	}

	@Transactional
	public Errors changePassword(KbUser user, String current, String next, String confirm, String source) {
		Map<String, String> errors = new LinkedHashMap<>();
		Account account = accounts.findById(user.id()).orElseThrow();
		if (current == null || !encoder.matches(current, account.passwordHash())) {
			errors.put("currentPassword", "Your current password is not correct");
		}
		newPasswordErrors(next, confirm, account.username(), account.displayName(), errors);
		if (errors.isEmpty() && encoder.matches(next, account.passwordHash())) {
			errors.put("newPassword", "Choose a password different from your current one");
		}
		if (!errors.isEmpty()) {
			return new Errors(errors);
		}
		accounts.updatePassword(account.id(), encoder.encode(next), false);
		audit.record(account.username(), "PASSWORD_CHANGED", account.username(), null, source);
		account.email().ifPresent(email -> events.publishEvent(
				new AccountNotice.PasswordChanged(account.id(), email, clock.instant())));
		return Errors.none();
	}

	/** Creates an invitation and returns the raw token: shown once to the admin, never stored. */
	@Transactional
	public Invitation invite(KbUser admin, String email, String roleName, String source) {
		Map<String, String> errors = new LinkedHashMap<>();
		String normalised = AccountRepository.normalise(email);
		if (!EMAIL.matcher(normalised).matches()) {
			errors.put("email", "Enter an email address in the correct format, like name@example.org");
		}
		else if (accounts.findByUsername(normalised).isPresent()) {
			errors.put("email", "There is already an account for this email address");
		}
		Optional<Role> role = Role.parse(roleName);
		if (role.isEmpty()) {
			errors.put("role", "Select a role");
		}
		if (!errors.isEmpty()) {
			return new Invitation(new Errors(errors), "", normalised);
		}
		String token = LinkTokens.newToken();
		Instant now = clock.instant();
		Instant expires = now.plus(properties.invitationLifetime());
		accounts.insertLink(LinkTokens.hash(token), AccountLink.Purpose.INVITATION, null, normalised, role.get(),
				admin.id(), now, expires);
		audit.record(admin.getUsername(), "INVITATION_CREATED", normalised, "role " + role.get(), source);
		events.publishEvent(new AccountNotice.Invited(normalised, "/register/" + token, role.get(),
				admin.displayName(), expires));
		return new Invitation(Errors.none(), token, normalised);
	}

	public record Invitation(Errors errors, String token, String email) {
	}

	/** A reset link made by an administrator: emailed to the account's holder, and shown to the administrator. */
	@Transactional
	public String resetLink(KbUser admin, long accountId, String source) {
		Account account = accounts.findById(accountId).orElseThrow();
		String token = LinkTokens.newToken();
		Instant now = clock.instant();
		Instant expires = now.plus(properties.resetLifetime());
		accounts.insertLink(LinkTokens.hash(token), AccountLink.Purpose.RESET, account.id(), null, null, admin.id(),
				now, expires);
		audit.record(admin.getUsername(), "RESET_LINK_CREATED", account.username(), null, source);
		account.email().ifPresent(email -> events.publishEvent(
				new AccountNotice.ResetLinkCreated(account.id(), email, "/reset/" + token, expires, true)));
		return token;
	}

	/**
	 * "Forgot your password?": emails a reset link if an enabled account has this address, it may
	 * sign in with a password (its domain does not require organisation sign-in) and it has not been
	 * sent {@link #RESETS_PER_ACCOUNT_PER_HOUR} links in the last hour. The caller answers the same
	 * whatever happened here, so the page never tells whether an address has an account.
	 */
	@Transactional
	public void requestReset(String email, String source) {
		String normalised = AccountRepository.normalise(email);
		Optional<Account> found = EMAIL.matcher(normalised).matches() ? accounts.findByUsername(normalised)
				: Optional.empty();
		if (found.isEmpty()) {
			audit.record("anonymous", "RESET_REQUESTED_UNKNOWN", null, null, source);
			return;
		}
		Account account = found.get();
		Instant now = clock.instant();
		String refused = !account.enabled() ? "account disabled"
				: domains.ssoRequired(account.emailDomain()) ? "organisation sign-in required"
				: accounts.countLinksSince(account.id(), AccountLink.Purpose.RESET,
						now.minus(java.time.Duration.ofHours(1))) >= RESETS_PER_ACCOUNT_PER_HOUR ? "too many requests"
				: null;
		if (refused != null) {
			audit.record(account.username(), "RESET_REQUEST_REFUSED", account.username(), refused, source);
			return;
		}
		String token = LinkTokens.newToken();
		Instant expires = now.plus(properties.resetLifetime());
		accounts.insertLink(LinkTokens.hash(token), AccountLink.Purpose.RESET, account.id(), null, null, account.id(),
				now, expires);
		audit.record(account.username(), "RESET_REQUESTED", account.username(), null, source);
		events.publishEvent(new AccountNotice.ResetLinkCreated(account.id(), account.email().orElseThrow(),
				"/reset/" + token, expires, false));
	}

	/** A link that can still be used for this purpose; empty for unknown, tampered, expired or used links. */
	Optional<AccountLink> usableLink(String token, AccountLink.Purpose purpose) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return accounts.findLink(LinkTokens.hash(token))
			.filter(link -> link.purpose() == purpose && link.usableAt(clock.instant()));
	}

	@Transactional
	public Errors register(String token, String displayName, String password, String confirm, String source) {
		AccountLink link = usableLink(token, AccountLink.Purpose.INVITATION).orElseThrow(LinkNotUsableException::new);
		String email = link.email().orElseThrow();
		Map<String, String> errors = new LinkedHashMap<>();
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty()) {
			errors.put("displayName", "Enter your name");
		}
		else if (name.length() > 200) {
			errors.put("displayName", "Name must be 200 characters or fewer");
		}
		newPasswordErrors(password, confirm, email, name, errors);
		if (!errors.isEmpty()) {
			return new Errors(errors);
		}
		if (!accounts.useLink(link.id(), clock.instant())) {
			throw new LinkNotUsableException();
		}
		try {
			accounts.insert(email, name, encoder.encode(password), link.role().orElse(Role.MEMBER), false,
					clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new LinkNotUsableException();
		}
		audit.record(email, "REGISTERED", email, "role " + link.role().orElse(Role.MEMBER), source);
		return Errors.none();
	}

	/**
	 * The account just registered, if it may go straight on signed in: not where its domain requires
	 * organisation sign-in, which a password must never get round. Recorded as a sign-in.
	 */
	@Transactional
	public Optional<Account> signInAfterRegistering(String email, String source) {
		Optional<Account> account = accounts.findByUsername(email)
			.filter(a -> a.enabled() && !domains.ssoRequired(a.emailDomain()));
		account.ifPresent(a -> audit.record(a.username(), "SIGN_IN", a.username(), "after registering", source));
		return account;
	}

	/**
	 * Disables the bootstrap administrator if it still has its one-time password (nobody ever signed in and chose
	 * one); the username if it did.
	 */
	@Transactional
	Optional<String> disableOneTimeAdmin(String username) {
		Optional<Account> account = accounts.findByUsername(username)
			.filter(a -> a.enabled() && a.mustChangePassword() && a.role() == Role.ADMIN);
		account.ifPresent(a -> {
			accounts.updateEnabled(a.id(), false);
			audit.record("system", "ACCOUNT_DISABLED", a.username(), "demo profile: one-time password never used", null);
		});
		return account.map(Account::username);
	}

	/** Invitations that can still be used, newest first. */
	public List<AccountRepository.PendingInvitation> pendingInvitations() {
		return accounts.pendingInvitations(clock.instant());
	}

	/** Ends an invitation before anyone uses it; false if it was already used, revoked or expired. */
	@Transactional
	public boolean revokeInvitation(KbUser admin, long id, String source) {
		Optional<String> email = accounts.revokeInvitation(id, clock.instant());
		email.ifPresent(e -> audit.record(admin.getUsername(), "INVITATION_REVOKED", e, "invitation " + id, source));
		return email.isPresent();
	}

	@Transactional
	public Errors resetPassword(String token, String password, String confirm, String source) {
		AccountLink link = usableLink(token, AccountLink.Purpose.RESET).orElseThrow(LinkNotUsableException::new);
		Account account = accounts.findById(link.accountId().orElseThrow()).orElseThrow(LinkNotUsableException::new);
		Map<String, String> errors = new LinkedHashMap<>();
		newPasswordErrors(password, confirm, account.username(), account.displayName(), errors);
		if (!errors.isEmpty()) {
			return new Errors(errors);
		}
		if (!accounts.useLink(link.id(), clock.instant())) {
			throw new LinkNotUsableException();
		}
		accounts.updatePassword(account.id(), encoder.encode(password), false);
		audit.record(account.username(), "PASSWORD_RESET", account.username(), null, source);
		account.email().ifPresent(email -> events.publishEvent(
				new AccountNotice.PasswordChanged(account.id(), email, clock.instant())));
		return Errors.none();
	}

	@Transactional
	public Errors changeRole(KbUser admin, long accountId, String roleName, String source) {
		Account account = accounts.findById(accountId).orElseThrow();
		Optional<Role> role = Role.parse(roleName);
		if (role.isEmpty()) {
			return new Errors(Map.of("role", "Select a role"));
		}
		if (account.role() == Role.ADMIN && role.get() != Role.ADMIN && account.enabled()
				&& accounts.countEnabledAdmins() <= 1) {
			return new Errors(Map.of("role", "There must always be at least one administrator"));
		}
		if (account.role() != role.get()) {
			accounts.updateRole(account.id(), role.get());
			audit.record(admin.getUsername(), "ROLE_CHANGED", account.username(),
					account.role() + " to " + role.get(), source);
			account.email().ifPresent(email -> events.publishEvent(
					new AccountNotice.RoleChanged(account.id(), email, account.role(), role.get())));
		}
		return Errors.none();
	}

	@Transactional
	public Errors setEnabled(KbUser admin, long accountId, boolean enabled, String source) {
		Account account = accounts.findById(accountId).orElseThrow();
		if (!enabled && account.id() == admin.id()) {
			return new Errors(Map.of("enabled", "You cannot disable your own account"));
		}
		if (!enabled && account.role() == Role.ADMIN && accounts.countEnabledAdmins() <= 1) {
			return new Errors(Map.of("enabled", "There must always be at least one administrator"));
		}
		if (account.enabled() != enabled) {
			accounts.updateEnabled(account.id(), enabled);
			audit.record(admin.getUsername(), enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", account.username(),
					null, source);
			if (!enabled) {
				account.email().ifPresent(email -> events.publishEvent(new AccountNotice.Disabled(account.id(), email)));
			}
		}
		return Errors.none();
	}

	/** Creates an account directly: only for the first administrator and the demo profile. */
	long create(String username, String displayName, String password, Role role, boolean mustChange) {
		long id = accounts.insert(username, displayName, encoder.encode(password), role, mustChange, clock.instant());
		audit.record("system", "ACCOUNT_CREATED", AccountRepository.normalise(username), "role " + role, null);
		return id;
	}

	boolean noAccounts() {
		return accounts.count() == 0;
	}

	Optional<String> passwordProblem(String password, String username) {
		return policy.problem(password, username);
	}

	private void newPasswordErrors(String password, String confirm, String username, String displayName,
			Map<String, String> errors) {
		policy.problem(password, username, List.of(displayName == null ? "" : displayName))
			.ifPresent(problem -> errors.put("newPassword", problem));
		if (!errors.containsKey("newPassword") && !password.equals(confirm)) {
			errors.put("confirmPassword", "Passwords do not match");
		}
	}

	/** The link is unknown, expired, already used or tampered with; all look the same to the person. */
	public static class LinkNotUsableException extends RuntimeException {
		LinkNotUsableException() {
			super("Link not usable", null, false, false);
		}
	}
}
