package uk.interop.kb.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.internet.MimeMessage;

import uk.interop.kb.support.MovableClock;
import uk.interop.kb.support.TestDatabases;
import uk.interop.kb.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox sender on every supported database, with real SMTP: GreenMail, or a port nobody listens
 * on. Two senders sharing one database send every message exactly once; a failing server is retried
 * with backoff until the message is given up and shown as failed; a sender that dies holding a
 * message loses it to another when its lease runs out.
 */
class OutboxSenderTests {

	private static NotificationProperties properties(int maxAttempts) {
		return new NotificationProperties("smtp", "Interop KB <no-reply@interop-kb.test>", "", "", maxAttempts,
				Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(5),
				Duration.ofMinutes(5), new NotificationProperties.Notify("", "", "https://example.invalid", "", java.util.Map.of()));
	}

	private static MailTransport smtp(int port, NotificationProperties properties) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
		return new SmtpTransport(sender, properties, "test SMTP");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static long insert(OutboxRepository rows, JdbcClient jdbc, EmailKind kind, String to, Instant now) {
		String messageId = "<" + UUID.randomUUID() + "@interop-kb.test>";
		rows.insert(new Email(kind, to, Optional.empty(), "Test " + to, "Hello " + to + "\nhttp://localhost/x",
				"<p>Hello</p>", Optional.empty()), messageId, now);
		return jdbc.sql("select id from outbox_message where message_id = :m").param("m", messageId).query(Long.class)
			.single();
	}

	private static String status(JdbcClient jdbc, long id) {
		return jdbc.sql("select status from outbox_message where id = :id").param("id", id).query(String.class).single();
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void twoSendersSharingADatabaseSendEveryMessageExactlyOnce(TestDatabases.Kind kind) throws Exception {
		try (var db = TestDatabases.fresh(kind)) {
			OutboxRepository rows = new OutboxRepository(db.jdbc());
			NotificationProperties properties = properties(5);
			String run = UUID.randomUUID().toString().substring(0, 8);
			Instant now = Instant.now();
			int count = 120;
			for (int i = 0; i < count; i++) {
				insert(rows, db.jdbc(), EmailKind.SUBMISSION_RECEIVED, "twice-" + run + "-" + i + "@test.example", now);
			}
			OutboxSender one = new OutboxSender(rows, smtp(TestMail.port(), properties), properties,
					java.time.Clock.systemUTC());
			OutboxSender two = new OutboxSender(rows, smtp(TestMail.port(), properties), properties,
					java.time.Clock.systemUTC());
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			try {
				Future<Integer> a = pool.submit(() -> {
					start.await();
					return one.sendDue();
				});
				Future<Integer> b = pool.submit(() -> {
					start.await();
					return two.sendDue();
				});
				start.countDown();
				assertThat(a.get() + b.get()).as("sent between them").isEqualTo(count);
			}
			finally {
				pool.shutdownNow();
			}
			Map<String, Long> received = Arrays.stream(TestMail.server().getReceivedMessages())
				.map(TestMail::read).filter(m -> m.to().startsWith("twice-" + run + "-"))
				.collect(Collectors.groupingBy(TestMail.Mail::to, Collectors.counting()));
			assertThat(received).hasSize(count);
			assertThat(received.values()).allMatch(n -> n == 1);
			assertThat(db.jdbc().sql("select count(*) from outbox_message where status = 'SENT'").query(Long.class)
				.single()).isEqualTo(count);
			MimeMessage sample = TestMail.to("twice-" + run + "-0@test.example").get(0).raw();
			assertThat(sample.getMessageID()).isEqualTo(db.jdbc()
				.sql("select message_id from outbox_message where recipient = :r")
				.param("r", "twice-" + run + "-0@test.example").query(String.class).single());
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aFailingServerIsRetriedWithBackoffThenGivenUpAndAnAdministratorCanTryAgain(TestDatabases.Kind kind)
			throws Exception {
		try (var db = TestDatabases.fresh(kind)) {
			OutboxRepository rows = new OutboxRepository(db.jdbc());
			NotificationProperties properties = properties(3);
			MovableClock clock = new MovableClock(Instant.parse("2027-01-04T09:00:00Z"));
			String to = "retry-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
			long id = insert(rows, db.jdbc(), EmailKind.INVITATION, to, clock.instant());
			OutboxSender down = new OutboxSender(rows, smtp(closedPort(), properties), properties, clock);

			assertThat(down.sendDue()).isZero();
			OutboxRepository.Row first = rows.find(id).orElseThrow();
			assertThat(first.status()).isEqualTo(OutboxRepository.Status.PENDING);
			assertThat(first.attempts()).isEqualTo(1);
			assertThat(first.lastError()).get().asString().contains("Connect");
			assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));
			assertThat(down.sendDue()).isZero();
			assertThat(rows.find(id).orElseThrow().attempts()).as("not due again yet").isEqualTo(1);

			clock.advance(Duration.ofSeconds(30));
			down.sendDue();
			assertThat(rows.find(id).orElseThrow().nextAttemptAt()).as("twice as long")
				.isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
			clock.advance(Duration.ofMinutes(1));
			down.sendDue();
			assertThat(rows.find(id).orElseThrow().status()).isEqualTo(OutboxRepository.Status.FAILED);
			assertThat(rows.troubled(10)).extracting(OutboxRepository.Row::id).contains(id);
			clock.advance(Duration.ofHours(2));
			assertThat(down.sendDue()).as("given up").isZero();
			assertThat(rows.find(id).orElseThrow().attempts()).isEqualTo(3);

			assertThat(rows.retry(id, clock.instant())).isTrue();
			OutboxSender up = new OutboxSender(rows, smtp(TestMail.port(), properties), properties, clock);
			assertThat(up.sendDue()).isEqualTo(1);
			assertThat(TestMail.to(to)).hasSize(1);
			OutboxRepository.Row sent = rows.find(id).orElseThrow();
			assertThat(sent.status()).isEqualTo(OutboxRepository.Status.SENT);
			assertThat(sent.text()).as("the invitation's link is not kept once sent").doesNotContain("http://")
				.contains("not kept");
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aSenderThatDiesHoldingAMessageLosesItToAnotherWhenItsLeaseRunsOut(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			OutboxRepository rows = new OutboxRepository(db.jdbc());
			NotificationProperties properties = properties(5);
			MovableClock clock = new MovableClock(Instant.parse("2027-01-04T09:00:00Z"));
			String to = "lease-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
			long id = insert(rows, db.jdbc(), EmailKind.SUBMISSION_RECEIVED, to, clock.instant());
			assertThat(rows.claim(id, "dead-sender", clock.instant(), clock.instant().plus(properties.lease()))).isTrue();
			OutboxSender survivor = new OutboxSender(rows, smtp(TestMail.port(), properties), properties, clock);
			assertThat(survivor.sendDue()).as("held by another").isZero();
			assertThat(status(db.jdbc(), id)).isEqualTo("SENDING");
			clock.advance(properties.lease().plusSeconds(1));
			assertThat(survivor.sendDue()).isEqualTo(1);
			assertThat(TestMail.to(to)).hasSize(1);
			assertThat(rows.markSent(id, "dead-sender", clock.instant(), false)).as("the dead sender's late word")
				.isFalse();
		}
	}

	@Test
	void backoffDoublesFromThirtySecondsUpToTheMaximum() {
		OutboxSender sender = new OutboxSender(null, null, properties(10), java.time.Clock.systemUTC());
		assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8).stream().map(sender::backoff).toList()).containsExactly(
				Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
				Duration.ofMinutes(8), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10));
	}
}
