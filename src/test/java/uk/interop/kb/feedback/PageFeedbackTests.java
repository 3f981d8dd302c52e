package uk.interop.kb.feedback;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** "Is this page useful?" and the feedback page over real HTTP, without JavaScript, and what editors see. */
@KbApplicationTest
class PageFeedbackTests {

	private static final Pattern MORE = Pattern.compile("action=\"(/feedback/page/(\\d+))\"");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void contentPagesAskAndYesComesBackToThePageWithThanks() {
		String page = "/documents/handbook/semantic";
		WebSession reader = new WebSession(port);
		String html = reader.get(page).body();
		assertThat(html).contains("Is this page useful?", "name=\"page\" value=\"" + page + "\"",
				"action=\"/feedback/page\"", "name=\"_csrf\"");
		for (String other : new String[] { "/", "/levels/semantic", "/themes", "/accessibility", "/problem-book" }) {
			assertThat(reader.get(other).body()).as(other).contains("Is this page useful?");
		}
		assertThat(reader.get("/search?q=data").body()).doesNotContain("Is this page useful?");

		HttpResponse<String> yes = reader.post(page, "/feedback/page", Map.of("page", page, "useful", "yes"));

		assertThat(yes.statusCode()).isEqualTo(302);
		assertThat(yes.headers().firstValue("Location").orElseThrow()).endsWith(page + "#page-feedback");
		String after = reader.follow(yes).body();
		assertThat(after).contains("Thank you for your feedback").doesNotContain("Is this page useful?");
		assertThat(reader.get(page).body()).as("only once").contains("Is this page useful?");
		assertThat(jdbc.sql("select count(*) from page_feedback where page = :page and useful = true")
			.param("page", page).query(Long.class).single()).isPositive();
	}

	@Test
	void noAsksWhatTheyWereTryingToDoAndOnlyThatSessionCanAnswer() {
		String page = "/documents/handbook/foundational";
		WebSession reader = new WebSession(port);

		HttpResponse<String> no = reader.post(page, "/feedback/page", Map.of("page", page, "useful", "no"));
		String asked = reader.follow(no).body();

		assertThat(asked).contains("Help us improve Interop KB", "What were you trying to do? (optional)",
				"Do not include personal information");
		Matcher more = MORE.matcher(asked);
		assertThat(more.find()).isTrue();
		long id = Long.parseLong(more.group(2));

		WebSession stranger = new WebSession(port);
		stranger.post(page, more.group(1), Map.of("page", page, "tryingToDo", "overwritten by someone else"));
		assertThat(text(id)).isNull();

		HttpResponse<String> tooLong = reader.post(page, more.group(1), Map.of("page", page, "tryingToDo",
				"x".repeat(1201)));
		String refused = reader.follow(tooLong).body();
		assertThat(refused).contains("must be 1200 characters or fewer", "x".repeat(1201), "govuk-textarea--error");
		assertThat(text(id)).isNull();

		HttpResponse<String> sent = reader.post(page, more.group(1), Map.of("page", page, "tryingToDo",
				"Find which forces share a custody record format"));
		assertThat(reader.follow(sent).body()).contains("Thank you for your feedback");
		assertThat(text(id)).isEqualTo("Find which forces share a custody record format");
		assertThat(jdbc.sql("select created_on from page_feedback where id = :id").param("id", id)
			.query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC));

		WebSession editor = new WebSession(port);
		editor.signIn(accounts.user(Role.EDITOR), TestAccounts.PASSWORD);
		String overall = editor.get("/page-feedback").body();
		assertThat(overall).contains("Page feedback", "href=\"/page-feedback?page=/documents/handbook/foundational&amp;days=30\"");
		String one = editor.get("/page-feedback?page=" + page).body();
		assertThat(one).contains("Find which forces share a custody record format", "id=\"page-no\">");
		assertThat(new WebSession(port).get("/page-feedback").statusCode()).isEqualTo(302);
	}

	@Test
	void badAnswersAreRefusedClearlyAndNeverLeaveTheSite() {
		WebSession reader = new WebSession(port);
		for (String page : new String[] { "https://evil.example/", "//evil.example", "/search?q=my+name", "/../x",
				"/documents/" + "a".repeat(400) }) {
			HttpResponse<String> response = reader.post("/", "/feedback/page", Map.of("page", page, "useful", "yes"));
			assertThat(response.statusCode()).as(page).isEqualTo(400);
			assertThat(response.headers().firstValue("Location")).as(page).isEmpty();
		}
		assertThat(reader.post("/", "/feedback/page", Map.of("page", "/", "useful", "maybe")).statusCode())
			.isEqualTo(400);
		assertThat(reader.postRaw("/feedback/page", Map.of("page", "/", "useful", "yes")).statusCode())
			.as("no CSRF token").isEqualTo(403);
	}

	@Test
	void theFeedbackPageNeedsAnAnswerKeepsWhatWasTypedAndEditorsSeeIt() {
		WebSession reader = new WebSession(port);
		assertThat(reader.get("/feedback").body()).contains("Overall, how did you feel about Interop KB?",
				"How could we improve Interop KB? (optional)");

		HttpResponse<String> missing = reader.post("/feedback", "/feedback", Map.of("improve", "A map of forces"));
		assertThat(missing.statusCode()).isEqualTo(200);
		assertThat(missing.body()).contains("<title>Error: Give feedback", "Select how you felt about Interop KB",
				"A map of forces</textarea>");

		String suggestion = "A map of which forces use which records system " + System.nanoTime();
		HttpResponse<String> sent = reader.post("/feedback", "/feedback", Map.of("satisfaction", "satisfied",
				"improve", suggestion));
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/feedback/sent");
		assertThat(reader.follow(sent).body()).contains("Feedback sent");

		WebSession editor = new WebSession(port);
		editor.signIn(accounts.user(Role.EDITOR), TestAccounts.PASSWORD);
		assertThat(editor.get("/page-feedback").body()).contains(suggestion, "Satisfied");
	}

	private String text(long id) {
		return jdbc.sql("select trying_to_do from page_feedback where id = :id").param("id", id)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
	}
}
