package uk.interop.kb.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.interop.kb.search.SearchPerformed;
import uk.interop.kb.support.MovableClock;
import uk.interop.kb.support.TestDatabase;

/** Searches counted per day and normalised text, written in batches, kept for the retention period only. */
class SearchLogTests {

	private final JdbcClient jdbc = TestDatabase.fresh();
	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-01T10:00:00Z"));
	private final SearchLog log = new SearchLog(jdbc, clock, new InsightsProperties(Duration.ofDays(30),
			Duration.ofSeconds(60)));

	@Test
	void searchesAreCountedUnderOneFormOfTheirWordsAndZeroResultsSeparately() {
		log.searched(new SearchPerformed("Data  Quality", 12));
		log.searched(new SearchPerformed("data quality", 12));
		log.searched(new SearchPerformed("bodyworn", 0));
		log.searched(new SearchPerformed("   ", 0));
		log.flush();
		log.searched(new SearchPerformed("data quality", 12));
		log.flush();

		LocalDate today = LocalDate.parse("2026-11-01");
		assertThat(log.mostFrequent(today, 10)).extracting(SearchLog.QueryCount::query, SearchLog.QueryCount::searches)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("data quality", 3L),
					org.assertj.core.groups.Tuple.tuple("bodyworn", 1L));
		assertThat(log.zeroResults(today, 10)).extracting(SearchLog.QueryCount::query).containsExactly("bodyworn");
	}

	@Test
	void onlyTheWordsAndCountsAreStored() {
		log.searched(new SearchPerformed("street triage", 3));
		log.flush();

		assertThat(jdbc.sql("select * from search_log").query().listOfRows()).singleElement()
			.satisfies(row -> assertThat(row.keySet()).containsExactlyInAnyOrder("SEARCH_DAY", "QUERY_TEXT",
					"SEARCHES", "ZERO_RESULTS"));
	}

	@Test
	void rowsOlderThanTheRetentionPeriodAreDeleted() {
		log.searched(new SearchPerformed("old search", 0));
		log.flush();
		clock.advance(Duration.ofDays(29));
		log.searched(new SearchPerformed("recent search", 0));
		log.flush();

		assertThat(log.deleteExpired()).isZero();
		clock.advance(Duration.ofDays(1));
		assertThat(log.deleteExpired()).isEqualTo(1);
		assertThat(log.mostFrequent(LocalDate.parse("2026-01-01"), 10)).extracting(SearchLog.QueryCount::query)
			.containsExactly("recent search");
	}

	@Test
	void countsThatCannotBeWrittenAreKeptForTheNextFlush() {
		log.searched(new SearchPerformed("kept", 0));
		jdbc.sql("drop table search_log").update();
		assertThat(org.assertj.core.api.Assertions.catchThrowable(log::flush)).isNotNull();
		jdbc.sql("create table search_log (search_day date not null, query_text varchar(256) not null, "
				+ "searches integer not null, zero_results integer not null, primary key (search_day, query_text))")
			.update();

		log.flush();

		assertThat(log.zeroResults(LocalDate.parse("2026-11-01"), 10)).extracting(SearchLog.QueryCount::query)
			.containsExactly("kept");
	}
}
