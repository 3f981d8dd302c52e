package uk.interop.kb.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RawHttp;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A form post over the limit, declared or chunked, is a 413: problem details, or the GOV.UK page for a browser. */
@KbApplicationTest
class FormBodyLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	private static byte[] bigForm(String csrf) {
		return ("_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&title=" + "x".repeat(3_000_000))
			.getBytes(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anAnonymousFormPostOverTheLimitIsA413InProblemDetails(boolean chunked) {
		byte[] body = ("username=x&password=" + "y".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8);
		RawHttp.Response response = new RawHttp(port).send("POST", "/sign-in", headers(chunked, "application/json", ""),
				chunked ? RawHttp.chunked(body, 16_384) : body);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":413", "\"title\":\"Request too large\"");
		assertThat(response.header("X-Frame-Options")).contains("DENY");
	}

	@Test
	void aSignedInFormPostOverTheLimitSavesNothingAndABrowserGetsThePage() {
		WebSession web = new WebSession(port);
		String username = accounts.fresh("form-limit", Role.CONTRIBUTOR);
		web.signIn(username, TestAccounts.PASSWORD);
		String page = web.get("/submissions/new").body();
		String cookie = "JSESSIONID=" + web.sessionId();

		RawHttp.Response response = new RawHttp(port).send("POST", "/submissions", headers(true, "text/html", cookie),
				RawHttp.chunked(bigForm(WebSession.csrfFrom(page)), 16_384));

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.body()).contains("What you sent is too large", "nothing was saved");
		assertThat(response.header("Content-Security-Policy")).isPresent();
		assertThat(web.get("/submissions").body()).doesNotContain("xxxxxxxxxx");
	}

	private static Map<String, String> headers(boolean chunked, String accept, String cookie) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		headers.put("Content-Type", "application/x-www-form-urlencoded");
		headers.put("Accept", accept);
		if (chunked) {
			headers.put("Transfer-Encoding", "chunked");
		}
		if (!cookie.isEmpty()) {
			headers.put("Cookie", cookie);
		}
		return headers;
	}
}
