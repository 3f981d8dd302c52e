package uk.interop.kb.search.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The results fragment that /js/search.js fetches: the same filters and results as the page, from
 * the same controller and service, so the same people see the same documents.
 */
@KbApplicationTest
class SearchFragmentTests {

	private static final Pattern RESULTS = Pattern.compile("(?s)<div id=\"search-results\".*");
	private static final Pattern COUNT = Pattern.compile("id=\"result-count\"[^>]*>([^<]+)<");

	@LocalServerPort
	int port;

	private final TestAccounts accounts;

	@Autowired
	SearchFragmentTests(TestAccounts accounts) {
		this.accounts = accounts;
	}

	private static HttpResponse<String> fragment(WebSession session, String path) {
		return session.get(path, SearchController.FRAGMENT_HEADER, SearchController.FRAGMENT_HEADER_VALUE);
	}

	@Test
	void theFragmentIsTheFiltersAndResultsOfTheWholePage() {
		WebSession session = new WebSession(port);
		String path = "/search?q=data&level=semantic&level=structural&sort=newest&page=2";

		HttpResponse<String> page = session.get(path);
		HttpResponse<String> fragment = fragment(session, path);

		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html", "<title", "id=\"q\"").startsWith("<div id=\"search-results\"");
		Matcher title = java.util.regex.Pattern.compile("<title>(Search results for “data” \\(page 2 of \\d+\\) – Interop KB)</title>")
			.matcher(page.body());
		assertThat(title.find()).as("the page's title names the page").isTrue();
		assertThat(fragment.body()).contains("data-title=\"" + title.group(1) + "\"", "data-errors=\"false\"");
		assertThat(count(fragment.body())).isEqualTo(count(page.body())).matches("\\d+ results");
		Matcher inPage = RESULTS.matcher(page.body());
		assertThat(inPage.find()).isTrue();
		assertThat(inPage.group().strip()).startsWith(fragment.body().strip().substring(0, 200));
	}

	@Test
	void pageAndFragmentShareAnAddressSoCachesAreToldTheyDiffer() {
		WebSession session = new WebSession(port);

		assertThat(session.get("/search?q=data").headers().allValues("Vary")).contains("X-Requested-With");
		assertThat(fragment(session, "/search?q=data").headers().allValues("Vary")).contains("X-Requested-With");
	}

	@Test
	void membersOnlyDocumentsAreInTheFragmentOnlyForMembers() {
		// "kestrel" occurs only in members-only documents (MembersOnlyLeakTests checks that).
		List<String> membersTitles = RealContent.documents().stream().filter(d -> !d.isPublic())
			.map(Document::title).toList();
		WebSession member = new WebSession(port);
		member.signIn(accounts.user(Role.MEMBER), TestAccounts.PASSWORD);

		String anonymous = fragment(new WebSession(port), "/search?q=kestrel").body();
		assertThat(count(anonymous)).isEqualTo("0 results");
		membersTitles.forEach(title -> assertThat(anonymous).doesNotContain(title));
		assertThat(count(fragment(member, "/search?q=kestrel").body())).isNotEqualTo("0 results");
		assertThat(membersTitles).anyMatch(fragment(member, "/search?q=kestrel").body()::contains);
	}

	@Test
	void anErrorInTheRequestIsFlaggedSoTheScriptLoadsTheWholePage() {
		HttpResponse<String> response = fragment(new WebSession(port), "/search?q=" + "a".repeat(300));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("data-errors=\"true\"", "data-title=\"Error: Search");
	}

	private static String count(String html) {
		Matcher matcher = COUNT.matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
