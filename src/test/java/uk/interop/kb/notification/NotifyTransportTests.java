package uk.interop.kb.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GOV.UK Notify transport through the real Notify Java client, against a server on loopback that
 * answers as Notify's API does (its real address is not reachable from tests). It checks what Notify
 * checks: the request is signed with the key's secret for the key's service, names the template,
 * address, personalisation, reference and one-click unsubscribe link; a 400 fails the message at once,
 * a 500 is retried.
 */
class NotifyTransportTests {

	private static final String SERVICE = UUID.randomUUID().toString();
	private static final String SECRET = UUID.randomUUID().toString();
	private static final String KEY = "interop_kb_test-" + SERVICE + "-" + SECRET;
	private static final String TEMPLATE = UUID.randomUUID().toString();

	private final List<JSONObject> bodies = new CopyOnWriteArrayList<>();
	private final List<String> problems = new CopyOnWriteArrayList<>();
	private volatile int status = 201;
	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/v2/notifications/email", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			if (!signedForService(auth)) {
				problems.add("bad Authorization: " + auth);
			}
			bodies.add(new JSONObject(body));
			String answer = status == 201 ? new JSONObject()
				.put("id", UUID.randomUUID().toString()).put("reference", bodies.get(bodies.size() - 1).optString("reference"))
				.put("content", new JSONObject().put("body", "b").put("subject", "s").put("from_email", "kb@notify.test"))
				.put("template", new JSONObject().put("id", TEMPLATE).put("version", 1).put("uri", "http://t"))
				.put("uri", "http://n").toString()
					: new JSONObject().put("status_code", status)
						.put("errors", new org.json.JSONArray().put(new JSONObject().put("error", "BadRequestError")
							.put("message", "Can't send to this recipient using a team-only API key")))
						.toString();
			byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	/** A JWT signed with HS256 by the key's secret, issued by the key's service, as Notify requires. */
	private static boolean signedForService(String auth) {
		if (auth == null || !auth.startsWith("Bearer ")) {
			return false;
		}
		String[] parts = auth.substring(7).split("\\.");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = Base64.getUrlEncoder().withoutPadding()
				.encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
			JSONObject claims = new JSONObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
			return expected.equals(parts[2]) && SERVICE.equals(claims.getString("iss"));
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static final String ALERT_TEMPLATE = UUID.randomUUID().toString();

	private NotifyTransport transport() {
		return new NotifyTransport(new NotificationProperties.Notify(KEY, TEMPLATE,
				"http://127.0.0.1:" + server.getAddress().getPort(), "", java.util.Map.of()));
	}

	private static OutboxRepository.Row row(Optional<String> unsubscribe) {
		return new OutboxRepository.Row(7, EmailKind.SAVED_SEARCH_ALERT, "reader@police.example",
				"2 new results for “Records”", "New or changed since your last alert…", "<p>html</p>", unsubscribe,
				"<abc@interop-kb.test>", OutboxRepository.Status.SENDING, 1, Instant.now(), Optional.empty(),
				Instant.now(), Optional.empty());
	}

	@Test
	void aMessageGoesToNotifyWithItsTemplatePersonalisationReferenceAndUnsubscribeLink() throws Exception {
		transport().send(row(Optional.of("https://kb.example/unsubscribe/s.1.2.sig")));
		assertThat(problems).isEmpty();
		assertThat(bodies).hasSize(1);
		JSONObject sent = bodies.get(0);
		assertThat(sent.getString("template_id")).isEqualTo(TEMPLATE);
		assertThat(sent.getString("email_address")).isEqualTo("reader@police.example");
		assertThat(sent.getJSONObject("personalisation").getString("subject")).isEqualTo("2 new results for “Records”");
		assertThat(sent.getJSONObject("personalisation").getString("body")).startsWith("New or changed");
		assertThat(sent.getString("reference")).isEqualTo("<abc@interop-kb.test>");
		assertThat(sent.getString("one_click_unsubscribe_url")).isEqualTo("https://kb.example/unsubscribe/s.1.2.sig");
	}

	@Test
	void aKindWithATemplateOfItsOwnIsSentWithIt() throws Exception {
		new NotifyTransport(new NotificationProperties.Notify(KEY, TEMPLATE,
				"http://127.0.0.1:" + server.getAddress().getPort(), "",
				java.util.Map.of("SAVED_SEARCH_ALERT", ALERT_TEMPLATE))).send(row(Optional.empty()));
		assertThat(bodies.get(0).getString("template_id")).isEqualTo(ALERT_TEMPLATE);
		assertThatThrownBy(() -> new NotificationProperties.Notify(KEY, TEMPLATE, "http://x", "",
				java.util.Map.of("ALERTS", ALERT_TEMPLATE))).hasMessageContaining("kb.mail.notify.templates.ALERTS");
	}

	@Test
	void aRefusalFailsTheMessageAtOnceAndAServerErrorIsRetried() {
		status = 400;
		assertThatThrownBy(() -> transport().send(row(Optional.empty())))
			.isInstanceOfSatisfying(MailTransport.DeliveryException.class, ex -> {
				assertThat(ex.permanent()).isTrue();
				assertThat(ex.getMessage()).contains("400").contains("team-only API key");
			});
		status = 500;
		assertThatThrownBy(() -> transport().send(row(Optional.empty())))
			.isInstanceOfSatisfying(MailTransport.DeliveryException.class, ex -> assertThat(ex.permanent()).isFalse());
		assertThat(bodies.get(0).has("one_click_unsubscribe_url")).as("account messages carry none").isFalse();
	}

	@Test
	void notifyWithoutATemplateRefusesToStart() {
		NotificationProperties properties = new NotificationProperties("notify", "x <a@b.example>", "", "", 5,
				Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofSeconds(5),
				Duration.ofMinutes(5), new NotificationProperties.Notify(KEY, "", "http://127.0.0.1", "", java.util.Map.of()));
		assertThatThrownBy(() -> new TransportConfiguration().mailTransport(properties, null, null,
				new org.springframework.mock.env.MockEnvironment()))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("kb.mail.notify.template-id");
	}
}
