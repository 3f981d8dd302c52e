package uk.interop.kb.editorial;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.ApiClient;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' "due for review" filter on the search page, over {@link WorklistContent} (two lessons overdue, two
 * due in 2099): an editor's {@code review=due} narrows the results and ticks the box; for anyone else the
 * parameter is ignored and nothing on the page mentions review. The JSON API takes the same filter from an editor
 * (session or token) and says so in a 400 to anyone else.
 */
@WorklistApplicationTest
class ReviewDueSearchHttpTests {

	private static final String OVERDUE = "A lesson long overdue for review";
	private static final String OVERDUE_LATER = "A lesson overdue for review since later";
	private static final String NOT_YET_DUE = "A lesson not yet due for review";
	private static final Pattern HEADING = Pattern.compile("id=\"result-count\"[^>]*>([^<]+)<");
	private static final Pattern SECRET = Pattern.compile("id=\"new-token\"[^>]*value=\"(kb_[^\"]+)\"");
	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();
	private static final Pattern REVIEW_BOX = Pattern.compile("(?s)<input [^>]*id=\"review-due\"[^>]*>");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	private WebSession signedIn(Role role) {
		WebSession session = new WebSession(port);
		session.signIn(accounts.user(role), TestAccounts.PASSWORD);
		return session;
	}

	private static String page(WebSession session, String path) {
		var response = session.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static String heading(String html) {
		Matcher heading = HEADING.matcher(html);
		assertThat(heading.find()).as("a result count").isTrue();
		return heading.group(1).strip();
	}

	private static String reviewBox(String html) {
		Matcher box = REVIEW_BOX.matcher(html);
		assertThat(box.find()).as("the due-for-review checkbox").isTrue();
		return box.group();
	}

	@Test
	void anEditorsReviewDueSearchFindsOnlyTheOverdueLessonsAndTicksTheBoxWithTheCount() {
		String html = page(signedIn(Role.EDITOR), "/search?review=due");

		assertThat(heading(html)).isEqualTo("2 results");
		assertThat(html).contains(OVERDUE, OVERDUE_LATER).doesNotContain(NOT_YET_DUE);
		assertThat(reviewBox(html)).contains("name=\"review\"", "value=\"due\"", "checked");
		assertThat(html).containsPattern("Due for review</span>\\s*<span class=\"kb-count\">\\(2\\)</span>");
		assertThat(html).contains("Review: Due for review");
	}

	@Test
	void theDownloadLinksLeaveOutTheReviewFilterWhichDownloadsDoNotTake() {
		String html = page(signedIn(Role.EDITOR), "/search?level=semantic&review=due");

		assertThat(html).contains("href=\"/search.csv?level=semantic\"", "href=\"/search.atom?level=semantic\"");
		assertThat(html).doesNotContainPattern("href=\"/search\\.(csv|atom|md)\\?[^\"]*review");
	}

	@Test
	void theReviewTagsRemoveLinkKeepsTheOtherParametersAndDropsTheFilter() {
		String html = page(signedIn(Role.EDITOR), "/search?q=news&level=semantic&review=due");

		assertThat(heading(html)).isEqualTo("2 results");
		assertThat(html).contains("href=\"/search?q=news&amp;level=semantic\"");
		assertThat(html).contains("href=\"/search?q=news&amp;review=due\"");
	}

	@Test
	void anEditorsOrdinarySearchShowsTheBoxUntickedWithTheCountOfDueMatches() {
		String html = page(signedIn(Role.EDITOR), "/search?q=news");

		assertThat(html).contains(OVERDUE, OVERDUE_LATER, NOT_YET_DUE);
		assertThat(reviewBox(html)).doesNotContain("checked");
		assertThat(html).containsPattern("Due for review</span>\\s*<span class=\"kb-count\">\\(2\\)</span>");
	}

	@Test
	void theWorklistsDueForReviewSectionLinksToTheFilteredSearch() {
		WebSession editor = signedIn(Role.EDITOR);
		String worklist = page(editor, "/content-health");
		int start = worklist.indexOf("<section aria-labelledby=\"review-due\">");
		assertThat(start).isNotNegative();
		String section = worklist.substring(start, worklist.indexOf("</section>", start));

		assertThat(section).contains("href=\"/search?review=due\"");
		assertThat(heading(page(editor, "/search?review=due"))).isEqualTo("2 results");
	}

	@Test
	void anAdministratorGetsTheFilterToo() {
		String html = page(signedIn(Role.ADMIN), "/search?review=due");

		assertThat(heading(html)).isEqualTo("2 results");
		assertThat(reviewBox(html)).contains("checked");
	}

	@Test
	void forAnonymousVisitorsAndMembersReviewDueIsIgnoredAndReviewIsNeverMentioned() {
		for (WebSession session : new WebSession[] { new WebSession(port), signedIn(Role.MEMBER),
				signedIn(Role.CONTRIBUTOR) }) {
			String filtered = page(session, "/search?review=due");
			String ordinary = page(session, "/search");

			assertThat(heading(filtered)).isEqualTo(heading(ordinary));
			assertThat(filtered).contains(OVERDUE, NOT_YET_DUE);
			assertThat(filtered).doesNotContain("review-due", "Due for review", "review=due", "data-facet=\"review\"");
		}
	}

	private static tools.jackson.databind.JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	private static java.util.List<String> titles(tools.jackson.databind.JsonNode body) {
		java.util.List<String> titles = new java.util.ArrayList<>();
		body.get("results").forEach(r -> titles.add(r.get("title").asString()));
		return titles;
	}

	private String editorsToken() {
		WebSession editor = signedIn(Role.EDITOR);
		String page = editor.follow(editor.post("/account/tokens", "/account/tokens",
				Map.of("name", "review api", "expiryDays", "30"))).body();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).as("the new token on the page").isTrue();
		return secret.group(1);
	}

	@Test
	void theApiGivesAnEditorsTokenTheFilterTheCountAndEachResultsReviewDay() {
		ApiClient api = new ApiClient(port, editorsToken());

		var due = json(api.get("/api/v1/search?review=due"), 200);
		assertThat(titles(due)).containsExactlyInAnyOrder(OVERDUE, OVERDUE_LATER);
		assertThat(due.get("total").asLong()).isEqualTo(2);
		assertThat(due.get("reviewDue").asLong()).isEqualTo(2);
		due.get("results").forEach(r -> assertThat(r.get("reviewBy").asString()).matches("\\d{4}-\\d{2}-\\d{2}"));

		var all = json(api.get("/api/v1/search?q=news"), 200);
		assertThat(titles(all)).contains(OVERDUE, NOT_YET_DUE);
		assertThat(all.get("reviewDue").asLong()).isEqualTo(2);
	}

	@Test
	void theApiGivesAnEditorsSessionTheFilterToo() {
		var due = json(signedIn(Role.EDITOR).getJson("/api/v1/search?review=due"), 200);

		assertThat(titles(due)).containsExactlyInAnyOrder(OVERDUE, OVERDUE_LATER);
	}

	@Test
	void theApiRefusesAnEditorsReviewValueItDoesNotKnow() {
		var problem = json(new ApiClient(port, editorsToken()).get("/api/v1/search?review=soon"), 400);

		assertThat(problem.get("parameter").asString()).isEqualTo("review");
		assertThat(problem.get("detail").asString()).isEqualTo("review: must be due");
	}

	@Test
	void theApiTellsEveryoneElseTheFilterIsForEditorsAndNeverShowsReviewDates() {
		for (WebSession session : new WebSession[] { new WebSession(port), signedIn(Role.MEMBER),
				signedIn(Role.CONTRIBUTOR) }) {
			var problem = json(session.getJson("/api/v1/search?review=due"), 400);
			assertThat(problem.get("detail").asString()).isEqualTo("review: only editors can filter by review date");

			String ordinary = session.getJson("/api/v1/search?q=news").body();
			assertThat(ordinary).contains(OVERDUE).doesNotContain("reviewDue", "reviewBy");
		}
	}
}
