package uk.interop.kb.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.TestMail;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery failures are visible to administrators, who can have a failed message tried again. */
@KbApplicationTest
class EmailAdminTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	OutboxRepository rows;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aFailedMessageIsShownWithItsErrorAndCanBeTriedAgain() throws InterruptedException {
		String to = "bounced-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
		String messageId = "<" + UUID.randomUUID() + "@interop-kb.test>";
		rows.insert(new Email(EmailKind.SUBMISSION_RECEIVED, to, Optional.empty(), "Failed <subject>", "text", "",
				Optional.empty()), messageId, Instant.now().plus(Duration.ofDays(1)));
		long id = jdbc.sql("select id from outbox_message where message_id = :m").param("m", messageId)
			.query(Long.class).single();
		jdbc.sql("""
				update outbox_message set status = 'FAILED', attempts = 5,
				  last_error = '550 5.1.1 <bounced@test.example>: Recipient address rejected' where id = :id""")
			.param("id", id).update();

		WebSession admin = new WebSession(port);
		admin.signIn(accounts.user(Role.ADMIN), TestAccounts.PASSWORD);
		String page = admin.get("/admin/email").body();
		assertThat(page).contains("SMTP (127.0.0.1:" + TestMail.port() + ")").contains(to)
			.contains("Failed &lt;subject&gt;").contains("550 5.1.1").contains("after 5 attempts");
		assertThat(admin.post("/admin/email", "/admin/email/" + id + "/retry", Map.of()).statusCode()).isEqualTo(302);
		assertThat(TestMail.awaitSubject(to, "Failed <subject>").to()).isEqualTo(to);
		// The server has the message before the sender records it as sent: wait for the sender to finish.
		assertThat(statusOnceSettled(id)).isEqualTo(OutboxRepository.Status.SENT);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'EMAIL_RETRIED' and target = :t")
			.param("t", to).query(Long.class).single()).isEqualTo(1);
	}

	/** The row's status once it is no longer being sent (at most 10 s). */
	private OutboxRepository.Status statusOnceSettled(long id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		OutboxRepository.Status status = rows.find(id).orElseThrow().status();
		while (status == OutboxRepository.Status.SENDING && System.nanoTime() < deadline) {
			Thread.sleep(20);
			status = rows.find(id).orElseThrow().status();
		}
		return status;
	}

	@Test
	void theEmbeddedTransportWritesEachMessageOnceAsAnEmlFileAMailProgramCanOpen() throws Exception {
		NotificationProperties properties = new NotificationProperties("file", "Interop KB <no-reply@kb.example>", "",
				"", 5, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofSeconds(5),
				Duration.ofMinutes(5), new NotificationProperties.Notify("", "", "https://example.invalid", "", java.util.Map.of()));
		FileTransport files = new FileTransport(dir.resolve("outbox"), properties);
		OutboxRepository.Row row = new OutboxRepository.Row(42, EmailKind.SAVED_SEARCH_ALERT, "reader@kb.example",
				"1 new result for “Records”", "See http://localhost/documents/x", "<p>html</p>",
				Optional.of("http://localhost/unsubscribe/s.1.2.sig"), "<42@kb.example>",
				OutboxRepository.Status.SENDING, 1, Instant.parse("2027-01-04T09:00:00Z"), Optional.empty(),
				Instant.parse("2027-01-04T09:00:00Z"), Optional.empty());
		files.send(row);
		files.send(row);
		assertThat(files.files()).hasSize(1);
		Path written = files.files().get(0);
		assertThat(written.getFileName().toString()).isEqualTo("20270104-090000-42.eml");
		MimeMessage message = read(written);
		assertThat(message.getSubject()).isEqualTo("1 new result for “Records”");
		assertThat(message.getMessageID()).isEqualTo("<42@kb.example>");
		assertThat(message.getHeader("List-Unsubscribe")[0]).isEqualTo("<http://localhost/unsubscribe/s.1.2.sig>");
		assertThat(TestMail.read(message).text()).contains("See http://localhost/documents/x");
		assertThat(files.file("20270104-090000-42.eml")).isPresent();
		assertThat(files.file("../../etc/passwd")).isEmpty();
		assertThat(files.file("20270104-090000-43.eml")).isEmpty();
	}

	private static MimeMessage read(Path file) throws IOException, jakarta.mail.MessagingException {
		try (var in = Files.newInputStream(file)) {
			return new MimeMessage(Session.getInstance(new java.util.Properties()), in);
		}
	}
}
