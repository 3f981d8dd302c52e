package uk.interop.kb.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before the app sees it (malformed paths and request lines) still carries the
 * security headers, and each refusal is one log line at INFO, with no stack trace.
 */
@KbApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ContainerErrorTests {

	private static final String[] MALFORMED = { "/a|b", "/a/%2e%2e/%2e%2e/etc/passwd", "/a%00b", "/..;/admin",
			"/%c0%ae%c0%ae/", "/documents/%2F..%2F", "/a\\b", "/a{b}" };

	@LocalServerPort
	int port;

	@Test
	void malformedPathsAreRefusedWithTheSecurityHeadersAndOneLogLineEach(CapturedOutput output) {
		int linesBefore = count(output.getOut(), "Refused by the server: 400");
		for (String target : MALFORMED) {
			RawHttp.Response response = new RawHttp(port).get(target, Map.of("Accept", "text/html"));

			assertThat(response.status()).as(target).isEqualTo(400);
			assertThat(response.header("Content-Security-Policy")).as(target)
				.hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "default-src 'none'"));
			assertThat(response.header("X-Frame-Options")).as(target).contains("DENY");
			assertThat(response.header("X-Content-Type-Options")).as(target).contains("nosniff");
			assertThat(response.header("Referrer-Policy")).as(target).contains("strict-origin-when-cross-origin");
			assertThat(response.header("Permissions-Policy")).as(target).isPresent();
			assertThat(response.body()).as(target).contains("There is a problem with the request")
				.doesNotContain("Tomcat", "<style");
		}

		String log = output.getOut() + output.getErr();
		assertThat(count(log, "Refused by the server: 400") - linesBefore).isEqualTo(MALFORMED.length);
		assertThat(log).doesNotContain("Error parsing HTTP request header", "\tat org.apache.coyote");
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}
}
