package uk.interop.kb.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code outbox_message}. Every state change is one conditional update, so racing senders cannot both win. */
@Repository
class OutboxRepository {

	enum Status {
		PENDING, SENDING, SENT, FAILED
	}

	/** A row as the sender and the admin page see it. */
	record Row(long id, EmailKind kind, String recipient, String subject, String text, String html,
			Optional<String> unsubscribeUrl, String messageId, Status status, int attempts, Instant nextAttemptAt,
			Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt) {
	}

	/** Counts by status, for the admin page. */
	record Counts(long pending, long sending, long sent, long failed) {
	}

	private static final String COLUMNS = """
			id, kind, recipient, subject, text_body, html_body, unsubscribe_url, message_id, status, attempts,
			next_attempt_at, last_error, created_at, sent_at""";

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Email email, String messageId, Instant now) {
		jdbc.sql("""
				insert into outbox_message (kind, recipient, account_id, subject, text_body, html_body, unsubscribe_url,
				                            message_id, status, attempts, next_attempt_at, created_at)
				values (:kind, :recipient, :account, :subject, :text, :html, :unsubscribe, :messageId, 'PENDING', 0,
				        :now, :now)""")
			.param("kind", email.kind().name())
			.param("recipient", email.recipient())
			.param("account", email.accountId().orElse(null))
			.param("subject", email.subject())
			.param("text", email.text())
			.param("html", email.html())
			.param("unsubscribe", email.unsubscribeUrl().orElse(null))
			.param("messageId", messageId)
			.param("now", utc(now))
			.update();
	}

	/** Ids of rows a sender may claim now: due, or held by a sender whose lease ran out (it died). */
	List<Long> claimable(Instant now, int max) {
		return jdbc.sql("""
				select id from outbox_message
				where (status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and lease_until < :now)
				order by id""" + " fetch first " + max + " rows only")
			.param("now", utc(now)).query(Long.class).list();
	}

	/** Takes the row for {@code sender} until {@code until}; false if another sender has it or it is not due. */
	boolean claim(long id, String sender, Instant now, Instant until) {
		return jdbc.sql("""
				update outbox_message set status = 'SENDING', claimed_by = :sender, lease_until = :until,
				  attempts = attempts + 1
				where id = :id and ((status = 'PENDING' and next_attempt_at <= :now)
				                    or (status = 'SENDING' and lease_until < :now))""")
			.param("sender", sender).param("until", utc(until)).param("id", id).param("now", utc(now))
			.update() == 1;
	}

	/**
	 * Sent. The link a reset or an invitation carries is a secret the account tables never hold, so
	 * those bodies are wiped once sent: a copy of the database cannot be used to register or reset.
	 */
	boolean markSent(long id, String sender, Instant now, boolean wipe) {
		return jdbc.sql("""
				update outbox_message set status = 'SENT', sent_at = :now, claimed_by = null, lease_until = null,
				  last_error = null,
				  text_body = case when :wipe then '(sent; the link it carried is not kept)' else text_body end,
				  html_body = case when :wipe then '' else html_body end
				where id = :id and claimed_by = :sender and status = 'SENDING'""")
			.param("now", utc(now)).param("wipe", wipe).param("id", id).param("sender", sender).update() == 1;
	}

	/** A failed attempt: tried again at {@code retryAt}, or given up ({@code FAILED}) when that is empty. */
	void markFailed(long id, String sender, String error, Optional<Instant> retryAt) {
		String cut = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
		String set = retryAt.isPresent() ? "status = 'PENDING', next_attempt_at = :retry" : "status = 'FAILED'";
		jdbc.sql("update outbox_message set " + set + """
				, last_error = :error, claimed_by = null, lease_until = null
				where id = :id and claimed_by = :sender and status = 'SENDING'""")
			.params(retryAt.isPresent() ? java.util.Map.of("retry", utc(retryAt.get())) : java.util.Map.of())
			.param("error", cut).param("id", id).param("sender", sender).update();
	}

	/** An administrator asks for a failed message to be tried again. */
	boolean retry(long id, Instant now) {
		return jdbc.sql("""
				update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = :now
				where id = :id and status = 'FAILED'""")
			.param("now", utc(now)).param("id", id).update() == 1;
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from outbox_message where id = :id").param("id", id)
			.query(OutboxRepository::map).optional();
	}

	/** Rows that failed or are waiting to be tried again after a failure, newest first. */
	List<Row> troubled(int max) {
		return jdbc.sql("select " + COLUMNS + """
				 from outbox_message where status = 'FAILED' or (status = 'PENDING' and last_error is not null)
				order by id desc""" + " fetch first " + max + " rows only").query(OutboxRepository::map).list();
	}

	List<Row> recent(int max) {
		return jdbc.sql("select " + COLUMNS + " from outbox_message order by id desc fetch first " + max + " rows only")
			.query(OutboxRepository::map).list();
	}

	Counts counts() {
		java.util.Map<String, Long> byStatus = new java.util.HashMap<>();
		jdbc.sql("select status, count(*) as n from outbox_message group by status")
			.query((rs, n) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list();
		return new Counts(byStatus.getOrDefault("PENDING", 0L), byStatus.getOrDefault("SENDING", 0L),
				byStatus.getOrDefault("SENT", 0L), byStatus.getOrDefault("FAILED", 0L));
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), EmailKind.valueOf(rs.getString("kind")), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
				Optional.ofNullable(rs.getString("unsubscribe_url")), rs.getString("message_id"),
				Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				Optional.ofNullable(rs.getString("last_error")), instant(rs, "created_at"),
				Optional.ofNullable(instant(rs, "sent_at")));
	}
}
