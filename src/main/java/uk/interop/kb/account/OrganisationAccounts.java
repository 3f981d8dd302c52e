package uk.interop.kb.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.interop.kb.audit.AuditLog;

/**
 * Turns a verified organisation identity into one of our accounts. An identity already linked signs
 * in to its account (whatever email the provider now reports), while that account's domain is still
 * on the provider's list. Otherwise the provider's email must be
 * verified and its domain on that provider's allow-list: an account with exactly that address is
 * linked to it, or a new account is made with the domain's role. An account is linked to at most one
 * identity per provider, so a second identity claiming the same address is refused rather than let in.
 * Every link, new account and refusal is audited.
 */
@Service
class OrganisationAccounts {

	enum Refusal {
		UNVERIFIED, DOMAIN, DISABLED, CONFLICT
	}

	/** The account signed in to, or why not. */
	record Outcome(Optional<Account> account, Optional<Refusal> refusal) {
		static Outcome refused(Refusal refusal) {
			return new Outcome(Optional.empty(), Optional.of(refusal));
		}
	}

	/** What the provider told us about the person, after Spring Security checked the ID token. */
	record Identity(String provider, String subject, String email, boolean emailVerified, String name) {
	}

	private final AccountRepository accounts;
	private final JdbcClient jdbc;
	private final DomainRules domains;
	private final PasswordEncoder encoder;
	private final AuditLog audit;
	private final Clock clock;

	OrganisationAccounts(AccountRepository accounts, JdbcClient jdbc, DomainRules domains, PasswordEncoder encoder,
			AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.domains = domains;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Outcome signIn(Identity identity, String source) {
		String email = AccountRepository.normalise(identity.email());
		String who = email.isEmpty() ? identity.provider() + ":" + identity.subject() : email;
		Optional<Long> linked = linkedAccount(identity.provider(), identity.subject());
		if (linked.isPresent()) {
			Account account = accounts.findById(linked.get()).orElseThrow();
			if (!account.enabled()) {
				return refuse(who, Refusal.DISABLED, identity, source);
			}
			// Taking a domain off the list closes it to identities linked before, too.
			if (domains.rule(identity.provider(), account.emailDomain()).isEmpty()) {
				return refuse(who, Refusal.DOMAIN, identity, source);
			}
			jdbc.sql("update account_identity set last_used = :now where provider = :p and subject = :s")
				.param("now", utc(clock.instant())).param("p", identity.provider()).param("s", identity.subject())
				.update();
			return new Outcome(Optional.of(account), Optional.empty());
		}
		if (!identity.emailVerified() || !Account.EMAIL.matcher(email).matches()) {
			return refuse(who, Refusal.UNVERIFIED, identity, source);
		}
		String domain = email.substring(email.indexOf('@') + 1);
		Optional<SsoProperties.DomainRule> rule = domains.rule(identity.provider(), domain);
		if (rule.isEmpty()) {
			return refuse(who, Refusal.DOMAIN, identity, source);
		}
		Optional<Account> existing = accounts.findByUsername(email);
		if (existing.isPresent() && !existing.get().enabled()) {
			return refuse(who, Refusal.DISABLED, identity, source);
		}
		if (existing.isPresent() && identityOf(identity.provider(), existing.get().id()).isPresent()) {
			return refuse(who, Refusal.CONFLICT, identity, source);
		}
		Account account;
		try {
			if (existing.isPresent()) {
				account = existing.get();
				link(account, identity, email);
				audit.record(email, "SSO_LINKED", email, "provider " + identity.provider() + ", subject "
						+ identity.subject(), source);
			}
			else {
				String name = identity.name() == null || identity.name().isBlank() ? email : identity.name().strip();
				long id = accounts.insert(email, name.length() > 200 ? name.substring(0, 200) : name,
						// No one knows this password: the account signs in through its organisation.
						encoder.encode(LinkTokens.newToken()), rule.get().role(), false, clock.instant());
				account = accounts.findById(id).orElseThrow();
				link(account, identity, email);
				audit.record(email, "SSO_ACCOUNT_CREATED", email, "provider " + identity.provider() + ", role "
						+ rule.get().role(), source);
			}
		}
		catch (DuplicateKeyException race) {
			// The same identity or account was linked at the same moment: refuse rather than guess.
			return refuse(who, Refusal.CONFLICT, identity, source);
		}
		return new Outcome(Optional.of(account), Optional.empty());
	}

	Optional<Account> account(long id) {
		return accounts.findById(id);
	}

	private Outcome refuse(String who, Refusal refusal, Identity identity, String source) {
		audit.record(who, "SSO_REFUSED", who, refusal.name().toLowerCase(java.util.Locale.ROOT) + " (provider "
				+ identity.provider() + ")", source);
		return Outcome.refused(refusal);
	}

	private void link(Account account, Identity identity, String email) {
		jdbc.sql("""
				insert into account_identity (account_id, provider, subject, email, linked_at, last_used)
				values (:account, :provider, :subject, :email, :now, :now)""")
			.param("account", account.id()).param("provider", identity.provider()).param("subject", identity.subject())
			.param("email", email).param("now", utc(clock.instant())).update();
	}

	private Optional<Long> linkedAccount(String provider, String subject) {
		return jdbc.sql("select account_id from account_identity where provider = :p and subject = :s")
			.param("p", provider).param("s", subject).query(Long.class).optional();
	}

	private Optional<String> identityOf(String provider, long accountId) {
		return jdbc.sql("select subject from account_identity where provider = :p and account_id = :a")
			.param("p", provider).param("a", accountId).query(String.class).optional();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
