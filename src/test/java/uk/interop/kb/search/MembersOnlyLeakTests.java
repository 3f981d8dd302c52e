package uk.interop.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RealContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "kestrel" occurs only in members-only sample documents. No response to an anonymous client,
 * on any endpoint, may contain it or any members-only title.
 */
@KbApplicationTest
class MembersOnlyLeakTests {

	private static final String MARKER = "kestrel";

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	uk.interop.kb.support.Corpus corpus;

	private Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	@Test
	void theMarkerWordOccursOnlyInMembersOnlyDocuments() {
		List<SourceDocument> all = RealContent.load().documents();
		assertThat(all).filteredOn(d -> text(d).contains(MARKER)).isNotEmpty()
			.allMatch(d -> !d.document().isPublic());
	}

	@Test
	void anonymousResponsesNeverContainTheMarkerOrMembersTitles() {
		List<Document> documents = corpus.documents();
		List<String> members = documents.stream().filter(d -> !d.isPublic()).map(Document::title).toList();
		List<String> paths = new ArrayList<>(List.of("/", "/search", "/search?q=kestrel", "/search?q=kestrl",
				"/search?q=kestrel*", "/search?q=project+kestrel", "/search?sort=newest", "/api/v1/search?q=kestrel",
				"/api/v1/search?q=kestrl", "/api/v1/search?size=100", "/api/v1/search?size=100&page=2", "/levels",
				"/themes"));
		documents.stream().flatMap(d -> d.levels().stream()).distinct().forEach(l -> paths.add("/levels/" + l));
		documents.stream().flatMap(d -> d.themes().stream()).distinct().forEach(t -> paths.add("/themes/" + t));
		documents.stream().filter(Document::isPublic).forEach(d -> {
			paths.add("/documents/" + d.id());
			paths.add("/api/v1/documents/" + d.id());
		});
		for (String path : paths) {
			String body = http.page(path).body();
			// The page echoes what was typed; past that, the marker must appear nowhere (not in a result,
			// snippet, suggestion or correction), although other words of the query may find public documents.
			String typed = path.contains("q=") ? java.net.URLDecoder.decode(
					path.substring(path.indexOf("q=") + 2).split("&")[0], java.nio.charset.StandardCharsets.UTF_8) : "";
			String rest = typed.isEmpty() ? body
					: body.replace(typed, "").replace(org.springframework.web.util.UriUtils.encodeQueryParam(typed,
							java.nio.charset.StandardCharsets.UTF_8), "");
			assertThat(rest.toLowerCase(Locale.ROOT)).as(path).doesNotContain(MARKER);
			for (String title : members) {
				assertThat(body).as(path).doesNotContain(title);
			}
		}
	}

	@Test
	void membersOnlyDocumentPagesAre404ForAnonymousVisitors() {
		corpus.documents().stream().filter(d -> !d.isPublic()).forEach(d -> {
			assertThat(http.page("/documents/" + d.id()).statusCode()).as(d.id()).isEqualTo(404);
			assertThat(http.get("/api/v1/documents/" + d.id()).statusCode()).as(d.id()).isEqualTo(404);
		});
	}

	@Test
	void anonymousTotalsAndCountsExcludeMembersDocuments() {
		long publicCount = corpus.documents().stream().filter(Document::isPublic).count();

		String body = http.get("/api/v1/search?size=1").body();

		assertThat(body).contains("\"total\":" + publicCount + ",");
	}

	private static String text(SourceDocument d) {
		return (d.document().title() + " " + d.document().summary() + " " + d.markdown()).toLowerCase(Locale.ROOT);
	}
}
