package uk.interop.kb.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Append-only record of sign-ins, account changes, moderation and the rest. Nothing here is ever updated;
 * {@link AuditRetention} deletes what is past its retention period.
 */
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
		return page(Filter.NONE, page, size);
	}

	public long count() {
		return count(Filter.NONE);
	}

	/**
	 * Which events to show: {@code who} is part of the actor or target (any case), {@code action} a code,
	 * {@code from} and {@code to} whole days in UTC, inclusive. Empty or null means no limit.
	 */
	public record Filter(String who, String action, java.time.LocalDate from, java.time.LocalDate to) {

		public static final Filter NONE = new Filter("", "", null, null);

		public Filter {
			who = who == null ? "" : who.strip();
			action = action == null ? "" : action.strip();
		}

		public boolean any() {
			return !who.isEmpty() || !action.isEmpty() || from != null || to != null;
		}
	}

	/** The events the filter admits, newest first; {@code page} is 1-based. */
	public List<AuditEvent> page(Filter filter, int page, int size) {
		return where(filter, """
				select id, occurred_at, actor, action, target, detail, source from audit_event %s
				order by id desc offset :offset rows fetch next :size rows only""")
			.param("offset", (long) (page - 1) * size)
			.param("size", size)
			.query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class)
				.toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("target"),
					rs.getString("detail"), rs.getString("source")))
			.list();
	}

	public long count(Filter filter) {
		return where(filter, "select count(*) from audit_event %s").query(Long.class).single();
	}

	/** The action codes that occur in the log, for the filter's choices. */
	public List<String> actions() {
		return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
	}

	private JdbcClient.StatementSpec where(Filter filter, String sql) {
		List<String> clauses = new java.util.ArrayList<>();
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		if (!filter.who().isEmpty()) {
			clauses.add("(lower(actor) like :who escape '!' or lower(coalesce(target, '')) like :who escape '!')");
			params.put("who", "%" + filter.who().toLowerCase(java.util.Locale.ROOT).replace("!", "!!")
				.replace("%", "!%").replace("_", "!_") + "%");
		}
		if (!filter.action().isEmpty()) {
			clauses.add("action = :action");
			params.put("action", filter.action());
		}
		if (filter.from() != null) {
			clauses.add("occurred_at >= :from");
			params.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			clauses.add("occurred_at < :to");
			params.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		String where = clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses);
		JdbcClient.StatementSpec spec = jdbc.sql(sql.formatted(where));
		for (var param : params.entrySet()) {
			spec = spec.param(param.getKey(), param.getValue());
		}
		return spec;
	}

	private static String cut(String text, int max) {
		if (text == null) {
			return null;
		}
		return text.length() <= max ? text : text.substring(0, max);
	}
}
