package uk.interop.kb.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.interop.kb.audit.AuditLog;

/**
 * Personal access tokens: created by a signed-in user, shown once, stored as a hash, sent as
 * {@code Authorization: Bearer …}, acting with the owner's current role until revoked or expired.
 */
@Service
public class ApiTokenService {

	static final String PREFIX = "kb_";
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
	private static final int MAX_ACTIVE = 20;

	private final JdbcClient jdbc;
	private final AccountRepository accounts;
	private final AuditLog audit;
	private final Clock clock;

	ApiTokenService(JdbcClient jdbc, AccountRepository accounts, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** The new token's secret (to show once), or field errors. */
	public record Created(Map<String, String> errors, String secret) {
	}

	public Created create(KbUser user, String name, String expiryDays, String source) {
		String label = name == null ? "" : name.strip();
		if (label.isEmpty()) {
			return new Created(Map.of("name", "Enter a name, so you can tell your tokens apart"), "");
		}
		if (label.length() > 100) {
			return new Created(Map.of("name", "Name must be 100 characters or fewer"), "");
		}
		Optional<Instant> expires;
		try {
			int days = expiryDays == null || expiryDays.isBlank() ? 90 : Integer.parseInt(expiryDays.strip());
			if (days < 1 || days > 366) {
				return new Created(Map.of("expiryDays", "Expiry must be between 1 and 366 days"), "");
			}
			expires = Optional.of(clock.instant().plus(Duration.ofDays(days)));
		}
		catch (NumberFormatException ex) {
			return new Created(Map.of("expiryDays", "Expiry must be a whole number of days"), "");
		}
		if (list(user).stream().filter(t -> t.activeAt(clock.instant())).count() >= MAX_ACTIVE) {
			return new Created(Map.of("name", "You have " + MAX_ACTIVE + " active tokens: revoke one first"), "");
		}
		String secret = PREFIX + LinkTokens.newToken();
		jdbc.sql("""
				insert into api_token (account_id, name, token_hash, created_at, expires_at)
				values (:account, :name, :hash, :now, :expires)""")
			.param("account", user.id()).param("name", label).param("hash", LinkTokens.hash(secret))
			.param("now", utc(clock.instant())).param("expires", utc(expires.get())).update();
		audit.record(user.getUsername(), "API_TOKEN_CREATED", user.getUsername(), label, source);
		return new Created(Map.of(), secret);
	}

	public List<ApiToken> list(KbUser user) {
		return jdbc.sql("""
				select id, name, created_at, expires_at, last_used_at, revoked_at from api_token
				where account_id = :account order by created_at desc, id desc""")
			.param("account", user.id()).query(ApiTokenService::map).list();
	}

	public boolean revoke(KbUser user, long id, String source) {
		int updated = jdbc.sql("""
				update api_token set revoked_at = :now where id = :id and account_id = :account and revoked_at is null""")
			.param("now", utc(clock.instant())).param("id", id).param("account", user.id()).update();
		if (updated == 1) {
			audit.record(user.getUsername(), "API_TOKEN_REVOKED", user.getUsername(), "token " + id, source);
		}
		return updated == 1;
	}

	/** The user a presented token acts for, if it is known, active and its account enabled. */
	Optional<KbUser> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		record Row(long id, long accountId, Optional<Instant> expires, Optional<Instant> lastUsed,
				Optional<Instant> revoked) {
		}
		Optional<Row> row = jdbc.sql("""
				select id, account_id, expires_at, last_used_at, revoked_at from api_token where token_hash = :hash""")
			.param("hash", LinkTokens.hash(secret))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), instant(rs, 3), instant(rs, 4), instant(rs, 5)))
			.optional();
		Instant now = clock.instant();
		if (row.isEmpty() || row.get().revoked().isPresent()
				|| row.get().expires().map(e -> !now.isBefore(e)).orElse(false)) {
			return Optional.empty();
		}
		Optional<Account> account = accounts.findById(row.get().accountId()).filter(Account::enabled);
		if (account.isPresent() && row.get().lastUsed().map(l -> l.plus(LAST_USED_PRECISION).isBefore(now))
			.orElse(true)) {
			jdbc.sql("update api_token set last_used_at = :now where id = :id").param("now", utc(now))
				.param("id", row.get().id()).update();
		}
		return account.map(a -> {
			KbUser user = new KbUser(a, false);
			user.eraseCredentials();
			return user;
		});
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), instant(rs, 3).orElseThrow(), instant(rs, 4),
				instant(rs, 5), instant(rs, 6));
	}

	private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
		return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
