package uk.interop.kb.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.interop.kb.shared.RetentionProperties;
import uk.interop.kb.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Feedback is counted per page and kept only {@code kb.retention.feedback}, on every supported database. */
class FeedbackRetentionDataTests {

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void answersAreCountedPerPageAndThoseOlderThanTheRetentionAreDeleted(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			FeedbackRepository repository = new FeedbackRepository(db.jdbc());
			LocalDate today = LocalDate.parse("2027-06-10");
			repository.addAnswer("/documents/a", true, today.minusDays(400));
			repository.addAnswer("/documents/a", false, today.minusDays(365));
			repository.addAnswer("/documents/a", true, today.minusDays(364));
			long no = repository.addAnswer("/documents/b", false, today);
			repository.addServiceFeedback(Satisfaction.SATISFIED, "older", today.minusDays(366));
			repository.addServiceFeedback(Satisfaction.DISSATISFIED, "", today);
			assertThat(repository.addTryingToDo(no, "Find B")).isTrue();
			assertThat(repository.addTryingToDo(no, "Again")).as("once only").isFalse();

			RetentionProperties retention = new RetentionProperties(Duration.ofDays(365), Duration.ofDays(7),
					Duration.ofDays(90), Duration.ofDays(365));
			FeedbackService service = new FeedbackService(repository,
					Clock.fixed(Instant.parse("2027-06-10T03:41:00Z"), ZoneOffset.UTC), retention);

			assertThat(service.deleteExpired()).isEqualTo(3);
			LocalDate ever = LocalDate.of(1970, 1, 1);
			assertThat(repository.byPage(ever, 10)).extracting(FeedbackRepository.Counts::page, FeedbackRepository.Counts::yes,
					FeedbackRepository.Counts::no, FeedbackRepository.Counts::comments)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("/documents/b", 0L, 1L, 1L),
						org.assertj.core.groups.Tuple.tuple("/documents/a", 1L, 0L, 0L));
			assertThat(repository.overall(ever).percentUseful()).isEqualTo(50);
			assertThat(repository.satisfaction(ever)).containsEntry(Satisfaction.DISSATISFIED, 1L)
				.containsEntry(Satisfaction.SATISFIED, 0L);
			assertThat(repository.suggestions(ever, 10)).isEmpty();
		}
	}
}
