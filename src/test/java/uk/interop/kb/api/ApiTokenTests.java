package uk.interop.kb.api;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.ApiClient;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal access tokens from creation on the page to use, revocation and expiry, over real HTTP. */
@KbApplicationTest
class ApiTokenTests {

	private static final Pattern SECRET = Pattern.compile("id=\"new-token\"[^>]*value=\"(kb_[^\"]+)\"");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private String createToken(WebSession web, String name) {
		HttpResponse<String> created = web.post("/account/tokens", "/account/tokens", Map.of("name", name,
				"expiryDays", "30"));
		String page = web.follow(created).body();
		Matcher matcher = SECRET.matcher(page);
		assertThat(matcher.find()).as("the token is shown once").isTrue();
		assertThat(web.get("/account/tokens").body()).doesNotContain(matcher.group(1));
		return matcher.group(1);
	}

	private WebSession signedIn(String username) {
		WebSession web = new WebSession(port);
		web.signIn(username, TestAccounts.PASSWORD);
		return web;
	}

	@Test
	void aTokenActsWithItsOwnersRoleWithoutCsrfAndIsStoredOnlyAsAHash() {
		String username = accounts.fresh("tokens", Role.CONTRIBUTOR);
		String secret = createToken(signedIn(username), "briefing script");
		ApiClient api = new ApiClient(port, secret);

		HttpResponse<String> created = api.post("/api/v1/submissions", """
				{"title":"Token lesson about okapis","summary":"s","type":"lesson","levels":["semantic"],
				 "themes":["data-quality"],"visibility":"public","body":"## What happened\\n\\nOkapis."}""");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location").orElse("")).startsWith("/api/v1/submissions/");
		assertThat(JSON.readTree(created.body()).get("status").asString()).isEqualTo("DRAFT");
		assertThat(api.get("/api/v1/moderation/queue").statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t").param("t", secret).query(Long.class)
			.single()).isZero();
		assertThat(signedIn(username).get("/account/tokens").body()).doesNotContain("Never");
	}

	@Test
	void revokedUnknownAndExpiredTokensAreRefusedWith401() {
		String username = accounts.fresh("revoke", Role.MEMBER);
		WebSession web = signedIn(username);
		String secret = createToken(web, "to revoke");
		assertThat(new ApiClient(port, secret).get("/api/v1/search?q=kestrel").body()).contains("\"total\":");

		long id = jdbc.sql("select max(id) from api_token").query(Long.class).single();
		web.post("/account/tokens", "/account/tokens/" + id + "/revoke", Map.of());

		HttpResponse<String> revoked = new ApiClient(port, secret).get("/api/v1/search");
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(revoked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(new ApiClient(port, "kb_not-a-real-token").get("/api/v1/search").statusCode()).isEqualTo(401);

		String expiring = createToken(web, "to expire");
		jdbc.sql("update api_token set expires_at = :past where name = 'to expire'")
			.param("past", java.time.OffsetDateTime.now().minusDays(1)).update();
		assertThat(new ApiClient(port, expiring).get("/api/v1/search").statusCode()).isEqualTo(401);
	}

	@Test
	void aMembersTokenSeesMembersOnlyResultsAndAnonymousCallersDoNot() {
		String secret = createToken(signedIn(accounts.fresh("reader", Role.MEMBER)), "reader");

		JsonNode member = JSON.readTree(new ApiClient(port, secret).get("/api/v1/search?q=kestrel").body());
		JsonNode anonymous = JSON.readTree(new ApiClient(port, null).get("/api/v1/search?q=kestrel").body());

		assertThat(member.get("total").asLong()).isPositive();
		assertThat(anonymous.get("total").asLong()).isZero();
	}

	@Test
	void aDisabledAccountsTokensStopWorking() {
		String username = accounts.fresh("disabled-token", Role.MEMBER);
		String secret = createToken(signedIn(username), "soon useless");
		WebSession admin = signedIn(accounts.user(Role.ADMIN));
		long id = accounts.id(username);
		admin.post("/admin/users/" + id, "/admin/users/" + id + "/enabled", Map.of("enabled", "false"));

		assertThat(new ApiClient(port, secret).get("/api/v1/search").statusCode()).isEqualTo(401);
	}

	@Test
	void cookieSessionsStillNeedCsrfOnTheApi() {
		WebSession web = signedIn(accounts.user(Role.CONTRIBUTOR));
		HttpResponse<String> withoutToken = web.postRaw("/api/v1/submissions", Map.of());
		assertThat(withoutToken.statusCode()).isEqualTo(403);
	}
}
