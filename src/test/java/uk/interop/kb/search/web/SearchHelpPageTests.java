package uk.interop.kb.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

/**
 * What the results page makes of a query, over real HTTP: corrected words are said out loud with a
 * way back to the words as typed, and a named taxonomy concept is offered as a one-click filter.
 */
@KbApplicationTest
class SearchHelpPageTests {

	@LocalServerPort
	int port;

	@Test
	void correctedResultsSaySoAndLinkToTheWordsAsTyped() {
		String page = new WebSession(port).get("/search?q=mental+heath+triage").body();

		assertThat(page).contains("Showing results for <strong>mental health triage</strong>",
				"Search instead for <a class=\"govuk-link\" href=\"/search?q=mental%20heath%20triage&amp;exact=true\">mental heath triage</a>");

		String exact = new WebSession(port).get("/search?q=mental+heath+triage&exact=true").body();
		assertThat(exact).doesNotContain("Showing results for").contains("value=\"mental heath triage\"");
	}

	@Test
	void aNamedLevelIsOfferedAsAFilterThatKeepsTheWords() {
		String page = new WebSession(port).get("/search?q=semantic+interoperability+examples").body();

		assertThat(page).contains("href=\"/search?q=semantic%20interoperability%20examples&amp;level=semantic\">"
				+ "Filter by interoperability level: Semantic</a>");
		String filtered = new WebSession(port).get("/search?q=semantic+interoperability+examples&level=semantic")
			.body();
		assertThat(filtered).doesNotContain("Filter by interoperability level: Semantic");
	}

	@Test
	void theApiSaysTheSameAndTakesExactToo() {
		WebSession api = new WebSession(port);

		assertThat(api.getJson("/api/v1/search?q=mental+heath+triage").body())
			.contains("\"correctedQuery\":\"mental health triage\"");
		assertThat(api.getJson("/api/v1/search?q=mental+heath+triage&exact=true").body())
			.contains("\"correctedQuery\":null");
		assertThat(api.getJson("/api/v1/search?q=semantic+interoperability+examples").body())
			.contains("{\"facet\":\"level\",\"id\":\"semantic\",\"label\":\"Semantic\"}");
		assertThat(api.getJson("/api/v1/search?q=x&exact=maybe").statusCode()).isEqualTo(400);
	}
}
