package uk.interop.kb.cluster;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ordered record of changes to database-backed documents. A feature appends an entry in the
 * same transaction as the change it describes, so an entry exists exactly when the change does;
 * every instance follows the log ({@link ChangeLogFollower}) to update its own index.
 */
@Component
public class ChangeLog {

	/** One change: which document, and what happened to it (for people reading the log; followers re-read the state). */
	public record Entry(long id, String documentId, String kind) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	public ChangeLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records that {@code documentId} changed; call inside the transaction that changes it. */
	public void append(String documentId, String kind) {
		jdbc.sql("insert into change_log (document_id, kind, created_at) values (:doc, :kind, :at)")
			.param("doc", documentId).param("kind", kind)
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
	}

	/** Entries after {@code afterId}, oldest first, at most {@code limit}. */
	public List<Entry> after(long afterId, int limit) {
		return jdbc.sql("select id, document_id, kind from change_log where id > :after order by id "
				+ "fetch first :limit rows only")
			.param("after", afterId).param("limit", limit)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
	}

	/** The newest entry's id, or 0 for an empty log. */
	public long lastId() {
		return jdbc.sql("select coalesce(max(id), 0) from change_log").query(Long.class).single();
	}
}
