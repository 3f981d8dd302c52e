package uk.interop.kb.browse;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.content.Document;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RealContent;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-out reader following a link to a members-only document is offered sign-in and brought back to it,
 * on a page identical to the one for a document that does not exist.
 */
@KbApplicationTest
class MembersOnlyNotFoundTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void membersOnlyAndUnknownDocumentsGetTheSamePageWithASignInThatComesBack() {
		Document membersOnly = RealContent.documents().stream().filter(d -> !d.isPublic()).findFirst().orElseThrow();
		String path = "/documents/" + membersOnly.id();
		String unknown = "/documents/lessons/no-such-lesson-at-all";
		WebSession reader = new WebSession(port);

		HttpResponse<String> hidden = reader.get(path);
		HttpResponse<String> missing = reader.get(unknown);

		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(hidden.body()).contains("Page not found", "If you are a forum member, <a class=\"govuk-link\" "
				+ "href=\"/sign-in?continue=" + path + "\">sign in</a>")
			.doesNotContain(membersOnly.title());
		assertThat(normalise(hidden.body(), path)).isEqualTo(normalise(missing.body(), unknown));

		String signIn = reader.get("/sign-in?continue=" + path.replace("/", "%2F")).body();
		assertThat(signIn).contains("name=\"continue\" value=\"" + path + "\"");
		HttpResponse<String> signedIn = reader.post("/sign-in", "/sign-in", Map.of("username",
				accounts.user(Role.MEMBER), "password", TestAccounts.PASSWORD, "continue", path));
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith(path);
		HttpResponse<String> document = reader.follow(signedIn);
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.body()).contains(membersOnly.title());
		assertThat(reader.get(unknown).body()).as("signed in: no sign-in offered").doesNotContain("members-sign-in");
	}

	@Test
	void aFailedSignInKeepsWhereToComeBackToAndNoTargetCanLeaveTheSite() {
		String path = "/documents/handbook/semantic";
		WebSession reader = new WebSession(port);
		HttpResponse<String> failed = reader.post("/sign-in", "/sign-in", Map.of("username", "nobody@test.example",
				"password", "wrong wrong wrong", "continue", path));
		assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?error&continue=%2Fdocuments%2Fhandbook%2Fsemantic");

		for (String away : new String[] { "//evil.example/x", "https://evil.example/", "/\\evil.example", "/sign-out" }) {
			WebSession other = new WebSession(port);
			HttpResponse<String> response = other.post("/sign-in", "/sign-in", Map.of("username",
					accounts.user(Role.MEMBER), "password", TestAccounts.PASSWORD, "continue", away));
			assertThat(response.statusCode()).as(away).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(away)
				.doesNotContain("evil").doesNotEndWith("/sign-out");
		}
	}

	/** The page without what legitimately differs: the path asked for, nonces and form tokens. */
	private static String normalise(String html, String path) {
		return html.replace(path.replace("/", "%2F"), "PATH").replace(path, "PATH")
			.replaceAll("nonce=\"[^\"]+\"", "nonce")
			.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "csrf");
	}
}
