package uk.interop.kb.api;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.content.Document;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

@KbApplicationTest
class SearchApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	uk.interop.kb.support.Corpus corpus;

	private Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	private JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	@Test
	void searchAnswersTheDocumentedShape() {
		HttpResponse<String> response = http.get("/api/v1/search?q=records&level=semantic&size=3");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
				"application/json"));
		JsonNode body = json(response);
		assertThat(body.get("query").asString()).isEqualTo("records");
		assertThat(body.get("page").asInt()).isEqualTo(1);
		assertThat(body.get("size").asInt()).isEqualTo(3);
		assertThat(body.get("total").asLong()).isPositive();
		assertThat(body.get("results")).hasSizeLessThanOrEqualTo(3);
		JsonNode first = body.get("results").get(0);
		for (String field : List.of("id", "title", "type", "url", "summary", "snippet", "levels", "themes",
				"published", "illustrative")) {
			assertThat(first.has(field)).as(field).isTrue();
		}
		assertThat(first.get("levels").toString()).contains("semantic");
		assertThat(body.get("facets").propertyNames()).containsExactly("level", "theme", "type", "provenance",
				"source-type", "organisation", "sector", "outcome", "barrier", "year", "source-year");
		JsonNode semantic = body.get("facets").get("level").get(0);
		assertThat(semantic.has("id") && semantic.has("label") && semantic.has("count") && semantic.has("selected"))
			.isTrue();
		assertThat(body.has("suggestion")).isTrue();
		assertThat(body.has("correctedQuery")).isTrue();
		assertThat(body.has("suggestedFilters")).isTrue();
	}

	@Test
	void levelCountsForAnonymousCallersEqualABruteForceCountOfPublicDocuments() {
		List<Document> publicDocs = corpus.documents().stream().filter(Document::isPublic).toList();

		JsonNode levels = json(http.get("/api/v1/search")).get("facets").get("level");

		for (JsonNode level : levels) {
			String id = level.get("id").asString();
			long expected = publicDocs.stream().filter(d -> d.levels().contains(id)).count();
			assertThat(level.get("count").asLong()).as(id).isEqualTo(expected);
		}
		assertThat(json(http.get("/api/v1/search")).get("total").asLong()).isEqualTo(publicDocs.size());
	}

	@Test
	void selectedValuesAreMarkedAndOtherFacetsNarrow() {
		JsonNode body = json(http.get("/api/v1/search?level=semantic&level=structural&theme=data-quality"));

		Map<String, Boolean> selected = new java.util.HashMap<>();
		body.get("facets").get("level").forEach(v -> selected.put(v.get("id").asString(), v.get("selected").asBoolean()));
		assertThat(selected).containsEntry("semantic", true).containsEntry("structural", true);
		long expected = corpus.documents().stream().filter(Document::isPublic)
			.filter(d -> d.levels().contains("semantic") || d.levels().contains("structural"))
			.filter(d -> d.themes().contains("data-quality")).count();
		assertThat(body.get("total").asLong()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "bogus=1", "level=nope", "size=101", "size=0", "page=0", "page=abc", "sort=oldest",
			"year=20x6", "q=a&q=b" })
	void badParametersAnswer400NamingTheParameter(String query) {
		HttpResponse<String> response = http.get("/api/v1/search?" + query);

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json(response);
		String param = query.substring(0, query.indexOf('='));
		assertThat(problem.get("parameter").asString()).isEqualTo(param);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).startsWith(param + ":");
	}

	@Test
	void overlongQueryIs400() {
		HttpResponse<String> response = http.get("/api/v1/search?q=" + "a".repeat(300));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("parameter").asString()).isEqualTo("q");
	}

	@Test
	void documentsReturnMetadataAndRenderedHtml() {
		HttpResponse<String> response = http.get("/api/v1/documents/handbook/semantic");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("id").asString()).isEqualTo("handbook/semantic");
		assertThat(body.get("type").asString()).isEqualTo("handbook-chapter");
		assertThat(body.get("html").asString()).contains("<h2");
		assertThat(body.get("levels").toString()).contains("semantic");
	}

	@Test
	void unknownAndMembersOnlyDocumentsAreBoth404() {
		String membersId = corpus.documents().stream().filter(d -> !d.isPublic()).findFirst().orElseThrow().id();

		HttpResponse<String> unknown = http.get("/api/v1/documents/lessons/no-such-thing");
		HttpResponse<String> members = http.get("/api/v1/documents/" + membersId);

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(members.statusCode()).isEqualTo(404);
		// Same answer apart from the path the caller sent: nothing discloses that the document exists.
		assertThat(members.body().replace(membersId, "X")).isEqualTo(unknown.body().replace("lessons/no-such-thing", "X"));
	}
}
