package uk.interop.kb.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.interop.kb.shared.RetentionProperties;
import uk.interop.kb.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Sent and failed emails (and .eml files) older than {@code kb.retention.email} go; waiting ones never do. */
class EmailRetentionDataTests {

	@TempDir
	Path folder;

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void doneMessagesPastTheRetentionAreDeletedAndWaitingOnesKept(TestDatabases.Kind kind) throws Exception {
		try (var db = TestDatabases.fresh(kind)) {
			Instant now = Instant.parse("2027-06-10T03:35:00Z");
			message(db, "old-sent", "SENT", now.minus(Duration.ofDays(91)));
			message(db, "old-failed", "FAILED", now.minus(Duration.ofDays(200)));
			message(db, "old-pending", "PENDING", now.minus(Duration.ofDays(200)));
			message(db, "new-sent", "SENT", now.minus(Duration.ofDays(89)));
			Files.writeString(folder.resolve("20270101-000000-1.eml"), "old");
			Files.setLastModifiedTime(folder.resolve("20270101-000000-1.eml"),
					FileTime.from(now.minus(Duration.ofDays(100))));
			Files.writeString(folder.resolve("20270601-000000-2.eml"), "new");
			Files.setLastModifiedTime(folder.resolve("20270601-000000-2.eml"), FileTime.from(now.minus(Duration.ofDays(9))));
			NotificationProperties properties = new NotificationProperties("file", "Interop KB <no-reply@kb.example>", "",
					"", 5, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofSeconds(5),
					Duration.ofMinutes(5), new NotificationProperties.Notify("", "", "https://example.invalid", "",
							java.util.Map.of()));
			RetentionProperties retention = new RetentionProperties(Duration.ofDays(365), Duration.ofDays(7),
					Duration.ofDays(90), Duration.ofDays(365));

			int deleted = new EmailRetention(db.jdbc(), Clock.fixed(now, ZoneOffset.UTC), retention,
					new FileTransport(folder, properties)).deleteExpired();

			assertThat(deleted).isEqualTo(3);
			assertThat(db.jdbc().sql("select message_id from outbox_message order by message_id").query(String.class)
				.list()).containsExactly("new-sent", "old-pending");
			assertThat(folder.resolve("20270101-000000-1.eml")).doesNotExist();
			assertThat(folder.resolve("20270601-000000-2.eml")).exists();
		}
	}

	private static void message(TestDatabases.Fresh db, String id, String status, Instant created) {
		db.jdbc().sql("""
				insert into outbox_message (kind, recipient, subject, text_body, html_body, message_id, status, attempts,
				                            next_attempt_at, created_at)
				values ('INVITATION', 'a@test.example', 's', 't', 'h', :id, :status, 1, :at, :at)""")
			.param("id", id).param("status", status).param("at", OffsetDateTime.ofInstant(created, ZoneOffset.UTC))
			.update();
	}
}
