package uk.interop.kb.search.web;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.support.Http;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Nasty input over real HTTP: the pages answer 200 (or a GOV.UK error page), the API 200 or 400; never 500. */
@KbApplicationTest
class HostileInputHttpTests {

	@LocalServerPort
	int port;

	private Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	static List<String> queryStrings() {
		List<String> list = new java.util.ArrayList<>();
		for (String q : uk.interop.kb.search.QueryHandlingTests.hostileQueries()) {
			if (q.length() < 6000) {
				list.add("q=" + Http.encode(q));
			}
		}
		list.addAll(List.of("q=%00", "q=%ff%fe", "level=%00", "level=" + "x".repeat(5000), "page=999999999999",
				"page=-1", "size=-5", "size=100&page=101", "sort=%27", "year=1899", "year=" + "9".repeat(40),
				"q=records&level=semantic&level=semantic&level=semantic", "theme=", "q", "=x", "q=a&page=2.5",
				"organisation=" + "a,".repeat(200)));
		return list;
	}

	@ParameterizedTest
	@MethodSource("queryStrings")
	void searchPageNeverAnswers500(String query) {
		HttpResponse<String> response = http.page("/search?" + query);

		assertThat(response.statusCode()).as(query).isIn(200, 400);
		assertThat(response.body()).doesNotContain("Exception", "at uk.interop", "Whitelabel");
	}

	@ParameterizedTest
	@MethodSource("queryStrings")
	void searchApiAnswers200Or400WithProblemDetails(String query) {
		HttpResponse<String> response = http.get("/api/v1/search?" + query);

		assertThat(response.statusCode()).as(query).isIn(200, 400);
		if (response.statusCode() == 400) {
			assertThat(response.body()).contains("\"status\":400");
		}
		assertThat(response.body()).doesNotContain("Exception", "at uk.interop");
	}

	@ParameterizedTest
	@MethodSource("queryStrings")
	void documentAndBrowsePathsNeverAnswer500(String query) {
		String junk = Http.encode(query);
		assertThat(http.page("/documents/" + junk).statusCode()).isIn(400, 404);
		assertThat(http.page("/levels/" + junk).statusCode()).isIn(400, 404);
		assertThat(http.get("/api/v1/documents/" + junk).statusCode()).isIn(400, 404);
	}
}
