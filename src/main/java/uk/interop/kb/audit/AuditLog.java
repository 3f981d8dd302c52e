package uk.interop.kb.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Append-only record of sign-ins, account changes and (later) moderation. Nothing here is ever updated. */
@Component
public class AuditLog {

	private final JdbcClient jdbc;
	private final Clock clock;

	public AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(String actor, String action, String target, String detail, String source) {
		jdbc.sql("""
				insert into audit_event (occurred_at, actor, action, target, detail, source)
				values (:at, :actor, :action, :target, :detail, :source)""")
			.param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
			.param("actor", cut(actor, 254))
			.param("action", cut(action, 60))
			.param("target", cut(target, 300))
			.param("detail", cut(detail, 1000))
			.param("source", cut(source, 64))
			.update();
	}

	/** Newest first; {@code page} is 1-based. */
	public List<AuditEvent> page(int page, int size) {
		return jdbc.sql("""
				select id, occurred_at, actor, action, target, detail, source from audit_event
				order by id desc offset :offset rows fetch next :size rows only""")
			.param("offset", (long) (page - 1) * size)
			.param("size", size)
			.query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class)
				.toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("target"),
					rs.getString("detail"), rs.getString("source")))
			.list();
	}

	public long count() {
		return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
	}

	private static String cut(String text, int max) {
		if (text == null) {
			return null;
		}
		return text.length() <= max ? text : text.substring(0, max);
	}
}
