package uk.interop.kb.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for accounts and their one-time links. Usernames are stored lower-case. */
@Repository
class AccountRepository {

	private static final String COLUMNS = """
			id, username, display_name, password_hash, role, enabled, must_change_password, failed_attempts,
			locked_until, session_version, created_at""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}

	Optional<Account> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from account where username = :u")
			.param("u", normalise(username))
			.query(AccountRepository::map)
			.optional();
	}

	Optional<Account> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from account where id = :id").param("id", id)
			.query(AccountRepository::map).optional();
	}

	List<Account> findAll() {
		return jdbc.sql("select " + COLUMNS + " from account order by username").query(AccountRepository::map).list();
	}

	long insert(String username, String displayName, String passwordHash, Role role, boolean mustChange, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, display_name, password_hash, role, enabled, must_change_password,
				                     failed_attempts, session_version, created_at)
				values (:u, :name, :hash, :role, true, :must, 0, 1, :now)""")
			.param("u", normalise(username))
			.param("name", displayName)
			.param("hash", passwordHash)
			.param("role", role.name())
			.param("must", mustChange)
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void recordFailure(String username, int threshold, Instant lockUntil) {
		jdbc.sql("update account set failed_attempts = failed_attempts + 1 where username = :u")
			.param("u", normalise(username)).update();
		jdbc.sql("""
				update account set locked_until = :until, failed_attempts = 0
				where username = :u and failed_attempts >= :threshold""")
			.param("u", normalise(username)).param("threshold", threshold).param("until", utc(lockUntil)).update();
	}

	void recordSuccess(long id) {
		jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = :id").param("id", id).update();
	}

	/** New password; ends other sessions by bumping the session version. */
	void updatePassword(long id, String hash, boolean mustChange) {
		jdbc.sql("""
				update account set password_hash = :hash, must_change_password = :must,
				  session_version = session_version + 1, failed_attempts = 0, locked_until = null
				where id = :id""")
			.param("hash", hash).param("must", mustChange).param("id", id).update();
	}

	void updateRole(long id, Role role) {
		jdbc.sql("update account set role = :role, session_version = session_version + 1 where id = :id")
			.param("role", role.name()).param("id", id).update();
	}

	void updateEnabled(long id, boolean enabled) {
		jdbc.sql("update account set enabled = :enabled, session_version = session_version + 1 where id = :id")
			.param("enabled", enabled).param("id", id).update();
	}

	long countEnabledAdmins() {
		return jdbc.sql("select count(*) from account where role = 'ADMIN' and enabled = true").query(Long.class)
			.single();
	}

	void insertLink(String tokenHash, AccountLink.Purpose purpose, Long accountId, String email, Role role,
			long createdBy, Instant now, Instant expires) {
		jdbc.sql("""
				insert into account_link (token_hash, purpose, account_id, email, role, created_by, created_at, expires_at)
				values (:hash, :purpose, :account, :email, :role, :by, :now, :expires)""")
			.param("hash", tokenHash)
			.param("purpose", purpose.name())
			.param("account", accountId)
			.param("email", email == null ? null : normalise(email))
			.param("role", role == null ? null : role.name())
			.param("by", createdBy)
			.param("now", utc(now))
			.param("expires", utc(expires))
			.update();
	}

	long countLinksSince(long accountId, AccountLink.Purpose purpose, Instant since) {
		return jdbc.sql("""
				select count(*) from account_link where account_id = :account and purpose = :purpose and created_at >= :since""")
			.param("account", accountId).param("purpose", purpose.name()).param("since", utc(since))
			.query(Long.class).single();
	}

	Optional<AccountLink> findLink(String tokenHash) {
		return jdbc.sql("""
				select id, purpose, account_id, email, role, expires_at, used_at from account_link
				where token_hash = :hash""")
			.param("hash", tokenHash)
			.query((rs, n) -> new AccountLink(rs.getLong("id"), AccountLink.Purpose.valueOf(rs.getString("purpose")),
					Optional.ofNullable((Long) rs.getObject("account_id", Long.class)),
					Optional.ofNullable(rs.getString("email")), Role.parse(rs.getString("role")),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getObject("used_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
			.optional();
	}

	/** Marks a link used; false if someone used it first (so a link works once, even under races). */
	boolean useLink(long id, Instant now) {
		return jdbc.sql("update account_link set used_at = :now where id = :id and used_at is null")
			.param("now", utc(now)).param("id", id).update() == 1;
	}

	/** An invitation not yet used, revoked or expired, and who made it. */
	record PendingInvitation(long id, String email, Role role, String invitedBy, Instant createdAt, Instant expiresAt) {
	}

	/** Invitations that can still be used, newest first. */
	java.util.List<PendingInvitation> pendingInvitations(Instant now) {
		return jdbc.sql("""
				select l.id, l.email, l.role, coalesce(a.display_name, 'unknown') as invited_by, l.created_at, l.expires_at
				from account_link l left join account a on a.id = l.created_by
				where l.purpose = 'INVITATION' and l.used_at is null and l.expires_at > :now
				order by l.created_at desc, l.id desc""")
			.param("now", utc(now))
			.query((rs, n) -> new PendingInvitation(rs.getLong("id"), rs.getString("email"),
					Role.parse(rs.getString("role")).orElse(Role.MEMBER), rs.getString("invited_by"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Ends an invitation that can still be used by making it expire now; the email it was for, if it could. */
	Optional<String> revokeInvitation(long id, Instant now) {
		Optional<String> email = jdbc.sql("""
				select email from account_link where id = :id and purpose = 'INVITATION' and used_at is null
				and expires_at > :now""")
			.param("id", id).param("now", utc(now)).query(String.class).optional();
		email.ifPresent(e -> jdbc.sql("update account_link set expires_at = :now where id = :id")
			.param("now", utc(now)).param("id", id).update());
		return email;
	}

	/** Deletes links used or expired before {@code cutoff}; returns how many. */
	int deleteLinksDoneBefore(Instant cutoff) {
		return jdbc.sql("delete from account_link where (used_at is not null and used_at < :cutoff) or expires_at < :cutoff")
			.param("cutoff", utc(cutoff)).update();
	}

	static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
				rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
				Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
				rs.getInt("session_version"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}
}
