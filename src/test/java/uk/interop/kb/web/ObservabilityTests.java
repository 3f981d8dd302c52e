package uk.interop.kb.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.FailingDatabase;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Health and readiness for everyone, metrics for administrators only, a request id on every response and log line. */
@KbApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

	@LocalServerPort
	int port;

	private final TestAccounts accounts;
	private final FailingDatabase database;

	@Autowired
	ObservabilityTests(TestAccounts accounts, FailingDatabase database) {
		this.accounts = accounts;
		this.database = database;
	}

	private WebSession as(Role role) {
		WebSession web = new WebSession(port);
		web.signIn(accounts.user(role), TestAccounts.PASSWORD);
		return web;
	}

	@Test
	void healthAndReadinessAreOpenWithoutDetailsAndReadinessIncludesTheIndex() {
		WebSession anonymous = new WebSession(port);

		HttpResponse<String> health = anonymous.getJson("/actuator/health");
		HttpResponse<String> readiness = anonymous.getJson("/actuator/health/readiness");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("index", "db");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(anonymous.getJson("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void metricsAreForAdministratorsOnly() {
		// Like every closed route outside the signed-in areas, they are simply not there for anyone else.
		assertThat(new WebSession(port).getJson("/actuator/metrics").statusCode()).isEqualTo(404);
		assertThat(as(Role.EDITOR).getJson("/actuator/metrics").statusCode()).isEqualTo(404);
		assertThat(as(Role.MEMBER).getJson("/actuator/metrics/kb.index.documents").statusCode()).isEqualTo(404);

		HttpResponse<String> names = as(Role.ADMIN).getJson("/actuator/metrics");
		assertThat(names.statusCode()).isEqualTo(200);
		assertThat(names.body()).contains("\"kb.search\"", "\"kb.index.documents\"", "\"kb.index.size\"",
				"\"kb.index.unindexed\"");
	}

	@Test
	void searchesAreTimedPerEndpointAndTheIndexIsMeasured() {
		WebSession admin = as(Role.ADMIN);
		String before = admin.getJson("/actuator/metrics/kb.search?tag=endpoint:api").body();
		new WebSession(port).getJson("/api/v1/search?q=culture");
		new WebSession(port).get("/search?q=culture");

		String api = admin.getJson("/actuator/metrics/kb.search?tag=endpoint:api").body();
		String html = admin.getJson("/actuator/metrics/kb.search?tag=endpoint:html").body();
		assertThat(count(api)).isGreaterThan(count(before));
		assertThat(count(html)).isPositive();
		assertThat(value(admin.getJson("/actuator/metrics/kb.index.documents").body())).isPositive();
		assertThat(value(admin.getJson("/actuator/metrics/kb.index.size").body())).isGreaterThan(10_000);
		assertThat(admin.getJson("/actuator/metrics/kb.index.unindexed").statusCode()).isEqualTo(200);
	}

	private static double count(String json) {
		return measurement(json, "COUNT");
	}

	private static double value(String json) {
		return measurement(json, "VALUE");
	}

	private static double measurement(String json, String statistic) {
		var matcher = java.util.regex.Pattern.compile("\"statistic\":\"" + statistic + "\",\"value\":([0-9.E+-]+)")
			.matcher(json);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	@Test
	void everyResponseCarriesARequestIdAndAValidIncomingOneIsKept() {
		HttpResponse<String> fresh = new WebSession(port).get("/");
		HttpResponse<String> kept = new WebSession(port).withHeader("X-Request-Id", "lb-7f3a.42_x").get("/");
		HttpResponse<String> replaced = new WebSession(port).withHeader("X-Request-Id", "bad id <script>").get("/");

		assertThat(fresh.headers().firstValue("X-Request-Id")).hasValueSatisfying(
				id -> assertThat(id).matches("[0-9a-f]{16}"));
		assertThat(kept.headers().firstValue("X-Request-Id")).contains("lb-7f3a.42_x");
		assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(
				id -> assertThat(id).matches("[0-9a-f]{16}"));
	}

	@Test
	void logLinesCarryTheRequestIdAndNeverWhatWasTypedOrAPassword(CapturedOutput output) {
		WebSession web = new WebSession(port).withHeader("X-Request-Id", "trace-save-failure-1");
		web.signIn(accounts.user(Role.CONTRIBUTOR), "wrong password typed by mistake");
		web.signIn(accounts.user(Role.CONTRIBUTOR), TestAccounts.PASSWORD);
		String page = web.get("/submissions/new").body();
		Map<String, String> fields = new java.util.LinkedHashMap<>(
				uk.interop.kb.submission.SubmissionWebTestsFields.fields("Secret title", "private words typed here"));
		fields.put("_csrf", WebSession.csrfFrom(page));
		try (var failing = database.failWrites()) {
			assertThat(web.postRaw("/submissions", fields).statusCode()).isEqualTo(503);
		}

		assertThat(output.getOut()).containsPattern("\\[trace-save-failure-1\\].*Saving a submission failed");
		assertThat(output.getOut()).doesNotContain(TestAccounts.PASSWORD, "wrong password typed by mistake",
				"private words typed here", "Secret title");
	}
}
