package uk.interop.kb.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for saved searches and what each one's alerts have already told of. */
@Repository
class SavedSearchRepository {

	private static final String COLUMNS = "id, account_id, name, query, frequency, created_at, last_alert_at, next_due_at";

	private final JdbcClient jdbc;

	SavedSearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long accountId, String name, String query, Frequency frequency, Instant now, Optional<Instant> due) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into saved_search (account_id, name, query, frequency, created_at, next_due_at)
				values (:account, :name, :query, :frequency, :now, :due)""")
			.param("account", accountId).param("name", name).param("query", query).param("frequency", frequency.name())
			.param("now", utc(now)).param("due", due.map(SavedSearchRepository::utc).orElse(null))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<SavedSearch> byAccount(long accountId) {
		return jdbc.sql("select " + COLUMNS + " from saved_search where account_id = :account order by name, id")
			.param("account", accountId).query(SavedSearchRepository::map).list();
	}

	long countByAccount(long accountId) {
		return jdbc.sql("select count(*) from saved_search where account_id = :account").param("account", accountId)
			.query(Long.class).single();
	}

	Optional<SavedSearch> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from saved_search where id = :id").param("id", id)
			.query(SavedSearchRepository::map).optional();
	}

	void setFrequency(long id, Frequency frequency, Optional<Instant> due) {
		jdbc.sql("update saved_search set frequency = :frequency, next_due_at = :due where id = :id")
			.param("frequency", frequency.name()).param("due", due.map(SavedSearchRepository::utc).orElse(null))
			.param("id", id).update();
	}

	void delete(long id) {
		jdbc.sql("delete from saved_search_seen where saved_search_id = :id").param("id", id).update();
		jdbc.sql("delete from saved_search where id = :id").param("id", id).update();
	}

	/** Ids of saved searches whose alert is due at {@code now}. */
	List<Long> due(Instant now, int max) {
		return jdbc.sql("select id from saved_search where next_due_at <= :now order by next_due_at"
				+ " fetch first " + max + " rows only")
			.param("now", utc(now)).query(Long.class).list();
	}

	/** Moves the alert on to {@code next} if it is still due as read; false if another instance took it. */
	boolean claim(long id, Instant was, Optional<Instant> next) {
		return jdbc.sql("update saved_search set next_due_at = :next where id = :id and next_due_at = :was")
			.param("next", next.map(SavedSearchRepository::utc).orElse(null)).param("id", id).param("was", utc(was))
			.update() == 1;
	}

	void alerted(long id, Instant now) {
		jdbc.sql("update saved_search set last_alert_at = :now where id = :id").param("now", utc(now)).param("id", id)
			.update();
	}

	/** Document id → content hash the alerts have told of. */
	Map<String, String> seen(long id) {
		Map<String, String> seen = new HashMap<>();
		jdbc.sql("select document_id, content_hash from saved_search_seen where saved_search_id = :id").param("id", id)
			.query((rs, n) -> seen.put(rs.getString("document_id"), rs.getString("content_hash"))).list();
		return seen;
	}

	void markSeen(long id, String documentId, String hash, boolean known) {
		if (known) {
			jdbc.sql("""
					update saved_search_seen set content_hash = :hash where saved_search_id = :id and document_id = :doc""")
				.param("hash", hash).param("id", id).param("doc", documentId).update();
		}
		else {
			jdbc.sql("""
					insert into saved_search_seen (saved_search_id, document_id, content_hash) values (:id, :doc, :hash)""")
				.param("id", id).param("doc", documentId).param("hash", hash).update();
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
	}

	private static SavedSearch map(ResultSet rs, int n) throws SQLException {
		return new SavedSearch(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("query"),
				Frequency.valueOf(rs.getString("frequency")), instant(rs, "created_at").orElseThrow(),
				instant(rs, "last_alert_at"), instant(rs, "next_due_at"));
	}
}
