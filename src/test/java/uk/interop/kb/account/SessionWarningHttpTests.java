package uk.interop.kb.account;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the page's timeout warning is given, over real HTTP: every page for a signed-in person carries the dialog
 * with the session's times (idle 30 minutes, lifetime 12 hours, warned 2 minutes before); {@code /account/session}
 * answers whether the person is still signed in, is never cached and never starts a session for a visitor.
 */
@KbApplicationTest
class SessionWarningHttpTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void aSignedInPersonsPagesCarryTheWarningWithTheSessionsTimes() {
		WebSession web = new WebSession(port);
		web.signIn(accounts.user(Role.MEMBER), TestAccounts.PASSWORD);

		String page = web.get("/search?q=custody").body();

		assertThat(page).containsPattern("<dialog class=\"kb-timeout\" id=\"session-timeout\"[^>]*"
				+ "data-idle-seconds=\"1800\" data-ends-in-seconds=\"4\\d{4}\" data-warning-seconds=\"120\"");
		assertThat(page).contains("everyone is signed out <span>12 hours</span> after signing in");
	}

	@Test
	void aVisitorsPagesHaveNoWarning() {
		assertThat(new WebSession(port).get("/search?q=custody").body()).doesNotContain("session-timeout");
	}

	@Test
	void theSessionCheckAnswersASignedInPersonWithTheTimesLeft() {
		WebSession web = new WebSession(port);
		web.signIn(accounts.user(Role.EDITOR), TestAccounts.PASSWORD);

		HttpResponse<String> response = web.getJson("/account/session");
		JsonNode body = JSON.readTree(response.body());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		assertThat(body.get("signedIn").asBoolean()).isTrue();
		assertThat(body.get("idleSeconds").asLong()).isEqualTo(1800);
		assertThat(body.get("endsInSeconds").asLong()).isBetween(12 * 3600L - 120, 12 * 3600L);
	}

	@Test
	void theSessionCheckTellsAVisitorAndSomeoneSignedOutNoWithoutStartingASession() {
		HttpResponse<String> visitor = new WebSession(port).getJson("/account/session");

		assertThat(visitor.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(visitor.body()).get("signedIn").asBoolean()).isFalse();
		assertThat(visitor.body()).doesNotContain("idleSeconds");
		assertThat(visitor.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

		WebSession web = new WebSession(port);
		web.signIn(accounts.user(Role.MEMBER), TestAccounts.PASSWORD);
		web.signOut();
		assertThat(JSON.readTree(web.getJson("/account/session").body()).get("signedIn").asBoolean()).isFalse();
	}
}
