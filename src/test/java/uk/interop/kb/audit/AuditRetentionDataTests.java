package uk.interop.kb.audit;

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

/** The audit log's retention and filters, on every supported database. */
class AuditRetentionDataTests {

	private static final RetentionProperties RETENTION = new RetentionProperties(Duration.ofDays(365),
			Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(365));

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void eventsOlderThanTheRetentionPeriodAreDeletedAndNewerOnesKept(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			Instant now = Instant.parse("2027-06-01T03:23:00Z");
			record(db, now.minus(Duration.ofDays(400)), "long-gone");
			record(db, now.minus(Duration.ofDays(365)).minusSeconds(1), "just-past");
			record(db, now.minus(Duration.ofDays(365)).plusSeconds(60), "just-inside");
			record(db, now.minus(Duration.ofDays(2)), "recent");

			int deleted = new AuditRetention(db.jdbc(), Clock.fixed(now, ZoneOffset.UTC), RETENTION).deleteExpired();

			assertThat(deleted).isEqualTo(2);
			AuditLog audit = new AuditLog(db.jdbc(), Clock.fixed(now, ZoneOffset.UTC));
			assertThat(audit.page(1, 10)).extracting(AuditEvent::actor).containsExactly("recent", "just-inside");
			assertThat(new AuditRetention(db.jdbc(), Clock.fixed(now, ZoneOffset.UTC), RETENTION).deleteExpired())
				.isZero();
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void filtersNarrowByWhoWhatAndWhenTogether(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			new AuditLog(db.jdbc(), at("2026-03-01T09:00:00Z")).record("Ann@Example.org", "SIGN_IN", "ann@example.org",
					null, "10.0.0.1");
			new AuditLog(db.jdbc(), at("2026-03-02T23:59:59Z")).record("admin", "ROLE_CHANGED", "ann@example.org",
					"to EDITOR", "10.0.0.2");
			new AuditLog(db.jdbc(), at("2026-03-03T00:00:00Z")).record("bob_smith@example.org", "SIGN_IN",
					"bob_smith@example.org", null, "10.0.0.3");
			new AuditLog(db.jdbc(), at("2026-03-04T12:00:00Z")).record("bobXsmith@example.org", "SIGN_IN",
					"bobXsmith@example.org", null, "10.0.0.4");
			AuditLog audit = new AuditLog(db.jdbc(), at("2026-03-05T00:00:00Z"));

			assertThat(audit.page(new AuditLog.Filter("ann", "", null, null), 1, 10)).extracting(AuditEvent::action)
				.containsExactly("ROLE_CHANGED", "SIGN_IN");
			assertThat(audit.page(new AuditLog.Filter("ANN", "SIGN_IN", null, null), 1, 10)).hasSize(1);
			// "_" is a character to match, not a wildcard.
			assertThat(audit.page(new AuditLog.Filter("bob_", "", null, null), 1, 10)).extracting(AuditEvent::actor)
				.containsExactly("bob_smith@example.org");
			AuditLog.Filter secondAndThird = new AuditLog.Filter("", "", LocalDate.parse("2026-03-02"),
					LocalDate.parse("2026-03-03"));
			assertThat(audit.page(secondAndThird, 1, 10)).extracting(AuditEvent::actor)
				.containsExactly("bob_smith@example.org", "admin");
			assertThat(audit.count(new AuditLog.Filter("", "SIGN_IN", LocalDate.parse("2026-03-03"), null))).isEqualTo(2);
			assertThat(audit.count(AuditLog.Filter.NONE)).isEqualTo(4);
			assertThat(audit.actions()).containsExactly("ROLE_CHANGED", "SIGN_IN");
		}
	}

	private static Clock at(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

	private static void record(TestDatabases.Fresh db, Instant at, String actor) {
		new AuditLog(db.jdbc(), Clock.fixed(at, ZoneOffset.UTC)).record(actor, "SIGN_IN", actor, null, "127.0.0.1");
	}
}
