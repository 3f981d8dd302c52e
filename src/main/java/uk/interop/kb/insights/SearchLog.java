package uk.interop.kb.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import uk.interop.kb.search.SearchPerformed;

/**
 * Counts searches per day and query text, in memory, and adds them to {@code search_log} once a
 * minute (and at shutdown): a search costs a map update, not a database write. These are statistics,
 * not acknowledged writes: a crash loses at most the last minute's counts. Rows past the retention
 * period are deleted daily.
 */
@Component
class SearchLog {

	/** Query texts longer than this are cut; distinct texts per flush beyond {@link #MAX_PENDING} are dropped. */
	static final int MAX_QUERY = 256;
	static final int MAX_PENDING = 50_000;

	private static final Logger log = LoggerFactory.getLogger(SearchLog.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final InsightsProperties properties;
	private final Object lock = new Object();
	private Map<Key, long[]> pending = new HashMap<>();

	private record Key(LocalDate day, String query) {
	}

	SearchLog(JdbcClient jdbc, Clock clock, InsightsProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** The form a query is counted under: lower case, single spaces, capped. */
	static String normalise(String query) {
		String text = query.toLowerCase(Locale.ROOT).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
		return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
	}

	@EventListener
	void searched(SearchPerformed search) {
		String query = normalise(search.query());
		if (query.isEmpty()) {
			return;
		}
		Key key = new Key(today(), query);
		synchronized (lock) {
			long[] counts = pending.get(key);
			if (counts == null) {
				if (pending.size() >= MAX_PENDING) {
					return;
				}
				counts = new long[2];
				pending.put(key, counts);
			}
			counts[0]++;
			if (search.total() == 0) {
				counts[1]++;
			}
		}
	}

	@Scheduled(fixedDelayString = "${kb.insights.flush-interval:60s}", initialDelayString = "${kb.insights.flush-interval:60s}")
	void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.warn("Could not write search counts, keeping them for the next try: {}", ex.getMessage());
		}
	}

	/** Adds what was counted since the last flush to the table. */
	void flush() {
		Map<Key, long[]> batch;
		synchronized (lock) {
			if (pending.isEmpty()) {
				return;
			}
			batch = pending;
			pending = new HashMap<>();
		}
		try {
			batch.forEach((key, counts) -> {
				int updated = jdbc.sql("update search_log set searches = searches + :searches, "
						+ "zero_results = zero_results + :zero where search_day = :day and query_text = :query")
					.param("searches", counts[0]).param("zero", counts[1]).param("day", key.day())
					.param("query", key.query()).update();
				if (updated == 0) {
					jdbc.sql("insert into search_log (search_day, query_text, searches, zero_results) "
							+ "values (:day, :query, :searches, :zero)")
						.param("day", key.day()).param("query", key.query()).param("searches", counts[0])
						.param("zero", counts[1]).update();
				}
			});
		}
		catch (RuntimeException ex) {
			synchronized (lock) {
				batch.forEach((key, counts) -> pending.merge(key, counts, (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] }));
			}
			throw ex;
		}
	}

	@PreDestroy
	void flushAtShutdown() {
		flushQuietly();
	}

	/** Deletes rows older than the retention period; returns how many. */
	@Scheduled(cron = "0 17 3 * * *", zone = "UTC")
	int deleteExpired() {
		LocalDate oldest = today().minusDays(properties.retention().toDays() - 1);
		return jdbc.sql("delete from search_log where search_day < :oldest").param("oldest", oldest).update();
	}

	/** One query's totals over a period. */
	record QueryCount(String query, long searches, long zeroResults, LocalDate lastSearched) {
	}

	/** The most searched queries since {@code from} (inclusive), most first. */
	List<QueryCount> mostFrequent(LocalDate from, int limit) {
		return jdbc.sql("select query_text, sum(searches), sum(zero_results), max(search_day) from search_log "
				+ "where search_day >= :from group by query_text order by sum(searches) desc, query_text "
				+ "fetch first :limit rows only")
			.param("from", from).param("limit", limit)
			.query((rs, n) -> new QueryCount(rs.getString(1), rs.getLong(2), rs.getLong(3),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	/** Queries that found nothing at least once since {@code from}, most often first. */
	List<QueryCount> zeroResults(LocalDate from, int limit) {
		return jdbc.sql("select query_text, sum(searches), sum(zero_results), max(search_day) from search_log "
				+ "where search_day >= :from group by query_text having sum(zero_results) > 0 "
				+ "order by sum(zero_results) desc, query_text fetch first :limit rows only")
			.param("from", from).param("limit", limit)
			.query((rs, n) -> new QueryCount(rs.getString(1), rs.getLong(2), rs.getLong(3),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}
}
