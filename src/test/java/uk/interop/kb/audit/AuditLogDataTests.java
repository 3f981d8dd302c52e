package uk.interop.kb.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.interop.kb.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log on every supported database (H2, and PostgreSQL when available). */
class AuditLogDataTests {

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void eventsPageNewestFirstAndOverlongValuesAreCutNotRefused(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			AuditLog audit = new AuditLog(db.jdbc(), Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
			for (int i = 1; i <= 25; i++) {
				audit.record("actor" + i, "ACTION", "target" + i, null, "127.0.0.1");
			}
			audit.record("x".repeat(400), "A".repeat(80), "t".repeat(400), "d".repeat(2000), "s".repeat(100));

			assertThat(audit.count()).isEqualTo(26);
			var first = audit.page(1, 10);
			assertThat(first).hasSize(10);
			assertThat(first.get(0).actor()).hasSize(254);
			assertThat(first.get(0).detail()).hasSize(1000);
			assertThat(first.get(1).actor()).isEqualTo("actor25");
			assertThat(audit.page(3, 10)).extracting(AuditEvent::actor).containsExactly("actor6", "actor5", "actor4",
					"actor3", "actor2", "actor1");
			assertThat(first.get(1).occurredAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
		}
	}
}
