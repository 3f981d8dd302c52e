package uk.interop.kb.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forged {@code Host} header reaches no answer: absolute URLs come from {@code kb.base-url}, and
 * redirects carry a path only.
 */
@KbApplicationTest
class HostHeaderTests {

	private static final String EVIL = "evil.example";
	private static final Map<String, String> FORGED = Map.of("Host", EVIL, "Accept", "text/html,*/*");
	private static final Pattern COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@ParameterizedTest
	@ValueSource(strings = { "/opensearch.xml", "/sitemap.xml", "/robots.txt", "/search.atom?q=data",
			"/search.csv?q=data", "/search.md?q=data", "/documents/handbook/semantic", "/v3/api-docs", "/",
			"/search?q=data", "/api/v1/search?q=data", "/api/v1/documents/handbook/semantic" })
	void absoluteUrlsComeFromTheBaseUrlNotTheHostHeader(String path) {
		RawHttp.Response response = new RawHttp(port).get(path, FORGED);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.all()).doesNotContain(EVIL);
	}

	@Test
	void theDocumentPageNamesItsCanonicalAddressFromTheBaseUrl() {
		String page = new RawHttp(port).get("/documents/handbook/semantic", FORGED).body();

		assertThat(page).contains("<link rel=\"canonical\" href=\"" + uk.interop.kb.support.TestPort.baseUrl()
				+ "/documents/handbook/semantic\">", "\"@id\":\"" + uk.interop.kb.support.TestPort.baseUrl() + "/documents/handbook/semantic\"");
		assertThat(new RawHttp(port).get("/opensearch.xml", FORGED).body())
			.contains("template=\"" + uk.interop.kb.support.TestPort.baseUrl() + "/search?q={searchTerms}\"");
	}

	@Test
	void signInRedirectsCarryAPathOnly() {
		RawHttp http = new RawHttp(port);
		RawHttp.Response protectedPage = http.get("/account", FORGED);
		assertThat(protectedPage.status()).isEqualTo(302);
		assertThat(protectedPage.header("Location")).contains("/sign-in");

		String session = cookie(protectedPage);
		RawHttp.Response form = http.get("/sign-in", Map.of("Host", EVIL, "Cookie", "JSESSIONID=" + session));
		String token = group(CSRF, form.body());
		String username = accounts.user(Role.MEMBER);
		byte[] body = ("username=" + enc(username) + "&password=" + enc(TestAccounts.PASSWORD) + "&_csrf=" + enc(token))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		RawHttp.Response signedIn = http.send("POST", "/sign-in", Map.of("Host", EVIL, "Cookie",
				"JSESSIONID=" + session, "Content-Type", "application/x-www-form-urlencoded", "Content-Length",
				Integer.toString(body.length)), body);

		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).hasValueSatisfying(location -> assertThat(location)
			.startsWith("/account").doesNotContain("://"));
		assertThat(signedIn.all()).doesNotContain(EVIL);

		String signedInSession = cookie(signedIn);
		RawHttp.Response account = http.get("/account", Map.of("Host", EVIL, "Cookie", "JSESSIONID=" + signedInSession));
		assertThat(account.status()).isEqualTo(200);
		RawHttp.Response signOut = http.send("POST", "/sign-out", Map.of("Host", EVIL, "Cookie",
				"JSESSIONID=" + signedInSession, "Content-Type", "application/x-www-form-urlencoded"),
				("_csrf=" + enc(group(CSRF, account.body()))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(signOut.status()).isEqualTo(302);
		assertThat(signOut.header("Location")).contains("/?signed-out");
	}

	private static String cookie(RawHttp.Response response) {
		return response.headers().getOrDefault("set-cookie", java.util.List.of()).stream().map(COOKIE::matcher)
			.filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}
}
