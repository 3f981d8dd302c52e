package uk.interop.kb.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.account.ApiTokenService;
import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.ApiClient;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation in the generated OpenAPI document is called for real; each answer must be a
 * status the document declares, and a JSON body must carry exactly the properties its schema names.
 */
@KbApplicationTest
class ApiContractTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String LESSON = """
			{"title":"Contract lesson about tapirs","summary":"A summary.","type":"lesson","levels":["semantic"],
			 "themes":["data-quality"],"outcome":"worked","visibility":"public",
			 "body":"## What happened\\n\\nTapirs were counted with a shared register before any interface was built."}""";

	private static final String ACTION = """
			{"title":"Contract action","owner":"API team","due":"2030-01-31","status":"agreed",
			 "indicators":["general:shared-vocabularies"],"lessons":["lessons/b-common-data-libraries-first"]}""";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	private JsonNode document;

	private JsonNode openApi(ApiClient api) {
		if (document == null) {
			document = JSON.readTree(api.get("/v3/api-docs").body());
		}
		return document;
	}

	@Test
	void theDocumentDescribesEveryApiRoute() {
		JsonNode doc = openApi(new ApiClient(port, null));
		Set<String> paths = new HashSet<>();
		doc.get("paths").propertyNames().forEach(paths::add);

		assertThat(doc.get("openapi").asString()).startsWith("3.");
		assertThat(paths).contains("/api/v1/assessment-frameworks", "/api/v1/assessment-frameworks/{id}",
				"/api/v1/assessments", "/api/v1/assessments/{id}", "/api/v1/assessments/{id}/answers/{indicator}",
				"/api/v1/assessments/{id}/submit", "/api/v1/improvement-actions", "/api/v1/improvement-actions/{id}");
		assertThat(paths).contains("/api/v1/search", "/api/v1/documents/{id}", "/api/v1/suggest", "/api/v1/taxonomy",
				"/api/v1/submissions", "/api/v1/submissions/{id}", "/api/v1/submissions/{id}/submit",
				"/api/v1/moderation/queue", "/api/v1/moderation/{id}/publish", "/api/v1/moderation/{id}/withdraw",
				"/api/v1/moderation/{id}/reject", "/api/v1/moderation/{id}/request-changes");
		assertThat(doc.get("components").get("securitySchemes").has("bearer")).isTrue();
	}

	@Test
	void everyOperationAnswersAsDocumented() {
		String username = accounts.inOrganisation(accounts.user(Role.EDITOR), "anonymised-justice-body");
		String secret = tokens.create((KbUser) users.loadUserByUsername(username), "contract " + System.nanoTime(),
				"1", "test").secret();
		ApiClient api = new ApiClient(port, secret);
		JsonNode doc = openApi(api);
		long id = JSON.readTree(api.post("/api/v1/submissions", LESSON).body()).get("id").asLong();
		long assessment = JSON.readTree(api.post("/api/v1/assessments", "{\"framework\":\"general\"}").body()).get("id")
			.asLong();
		long action = JSON.readTree(api.post("/api/v1/improvement-actions", ACTION).body()).get("id").asLong();

		List<String> checked = new ArrayList<>();
		for (var path : doc.get("paths").properties()) {
			for (var method : path.getValue().properties()) {
				String verb = method.getKey().toUpperCase();
				String url = path.getKey().replace("{id}", path.getKey().contains("documents") ? "handbook/semantic"
						: path.getKey().contains("assessment-frameworks") ? "general"
								: path.getKey().contains("/assessments/") ? Long.toString(assessment)
										: path.getKey().contains("improvement-actions") ? Long.toString(action)
												: Long.toString(id))
					.replace("{reference}", "PB-001").replace("{indicator}", "shared-vocabularies");
				if (url.equals("/api/v1/suggest")) {
					url += "?q=sem";
				}
				int version = JSON.readTree(api.get("/api/v1/submissions/" + id).body()).get("version").asInt();
				int actionVersion = JSON.readTree(api.get("/api/v1/improvement-actions/" + action).body()).get("version")
					.asInt();
				String body = switch (verb + " " + path.getKey()) {
					case "POST /api/v1/submissions" -> LESSON;
					case "POST /api/v1/assessments" -> "{\"framework\":\"general\"}";
					case "PUT /api/v1/assessments/{id}/answers/{indicator}" ->
						"{\"step\":\"3\",\"evidence\":\"Contract check\",\"revision\":0}";
					case "POST /api/v1/assessments/{id}/submit" -> null;
					case "POST /api/v1/improvement-actions" -> ACTION;
					case "PUT /api/v1/improvement-actions/{id}" -> ACTION.replace("{", "{\"version\":" + actionVersion + ",");
					case "PUT /api/v1/submissions/{id}" -> "{\"version\":" + version + ",\"form\":" + LESSON + "}";
					case "POST /api/v1/moderation/{id}/publish" -> "{\"version\":" + version
							+ ",\"noPersonalData\":true,\"noSensitiveMaterial\":true,\"consentToAttribute\":true}";
					default -> verb.equals("GET") ? null : "{\"version\":" + version + ",\"comment\":\"Contract check\"}";
				};
				HttpResponse<String> response = api.send(verb, url, body);
				JsonNode operation = method.getValue();
				String status = Integer.toString(response.statusCode());
				assertThat(operation.get("responses").has(status)).as("%s %s answered %s: %s", verb, url, status,
						response.body()).isTrue();
				JsonNode content = operation.get("responses").get(status).path("content");
				if (response.statusCode() < 300 && content.has("application/json")) {
					assertMatches(doc, content.get("application/json").get("schema"), JSON.readTree(response.body()),
							verb + " " + url);
				}
				checked.add(verb + " " + path.getKey() + " → " + status);
			}
		}
		assertThat(checked).hasSizeGreaterThanOrEqualTo(22).contains(
				"PUT /api/v1/assessments/{id}/answers/{indicator} → 200", "POST /api/v1/improvement-actions → 201",
				"PUT /api/v1/improvement-actions/{id} → 200", "GET /api/v1/assessment-frameworks/{id} → 200",
				"GET /api/v1/assessments/{id} → 200");
	}

	@Test
	void errorsAreProblemDetailsWithTheDocumentedStatuses() {
		ApiClient anonymous = new ApiClient(port, null);
		JsonNode doc = openApi(anonymous);

		HttpResponse<String> bad = anonymous.get("/api/v1/search?level=nope");
		HttpResponse<String> unauthenticated = anonymous.get("/api/v1/submissions");
		HttpResponse<String> missing = anonymous.get("/api/v1/documents/lessons/none");

		assertThat(doc.at("/paths/~1api~1v1~1search/get/responses").has("400")).isTrue();
		for (HttpResponse<String> response : List.of(bad, unauthenticated, missing)) {
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
			assertThat(problem.has("title")).isTrue();
		}
		assertThat(List.of(bad.statusCode(), unauthenticated.statusCode(), missing.statusCode()))
			.containsExactly(400, 401, 404);
	}

	@Test
	void aStaleVersionIs409AndATooLargeBodyIs413() {
		String secret = tokens.create((KbUser) users.loadUserByUsername(accounts.user(Role.CONTRIBUTOR)),
				"conflict " + System.nanoTime(), "1", "test").secret();
		ApiClient api = new ApiClient(port, secret);
		JsonNode created = JSON.readTree(api.post("/api/v1/submissions", LESSON).body());
		String path = "/api/v1/submissions/" + created.get("id").asLong();
		int version = created.get("version").asInt();
		assertThat(api.put(path, "{\"version\":" + version + ",\"form\":" + LESSON + "}").statusCode()).isEqualTo(200);

		HttpResponse<String> stale = api.put(path, "{\"version\":" + version + ",\"form\":" + LESSON + "}");

		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(stale.body()).get("currentVersion").asInt()).isGreaterThan(version);
		HttpResponse<String> huge = api.post("/api/v1/submissions", "{\"title\":\"" + "x".repeat(300_000) + "\"}");
		assertThat(huge.statusCode()).isEqualTo(413);
	}

	@Test
	void documentsAndSearchesCanBeCachedWithEtagsAndLastModified() {
		ApiClient api = new ApiClient(port, null);
		HttpResponse<String> first = api.get("/api/v1/documents/handbook/semantic");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Last-Modified")).isPresent();

		HttpResponse<String> again = new ApiClient(port, null).send("GET", "/api/v1/documents/handbook/semantic",
				null);
		assertThat(again.headers().firstValue("ETag")).contains(etag);
		var conditional = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
				+ "/api/v1/search?level=semantic")).header("If-None-Match", new ApiClient(port, null)
					.get("/api/v1/search?level=semantic").headers().firstValue("ETag").orElseThrow()).build();
		try {
			assertThat(java.net.http.HttpClient.newHttpClient().send(conditional,
					java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(304);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The body has exactly the properties the schema names (resolving $ref), one level deep. */
	private static void assertMatches(JsonNode doc, JsonNode schema, JsonNode body, String where) {
		JsonNode resolved = resolve(doc, schema);
		if (resolved.path("type").asString("").equals("array")) {
			assertThat(body.isArray()).as(where).isTrue();
			if (!body.isEmpty() && resolved.has("items")) {
				JsonNode items = resolve(doc, resolved.get("items"));
				if (items.has("properties") && body.get(0).isObject()) {
					assertThat(names(body.get(0))).as(where).containsExactlyInAnyOrderElementsOf(names(items.get("properties")));
				}
			}
			return;
		}
		if (resolved.has("properties")) {
			assertThat(body.isObject()).as(where).isTrue();
			assertThat(names(body)).as(where).containsExactlyInAnyOrderElementsOf(names(resolved.get("properties")));
		}
	}

	private static JsonNode resolve(JsonNode doc, JsonNode schema) {
		if (schema.has("$ref")) {
			return doc.at(schema.get("$ref").asString().substring(1));
		}
		return schema;
	}

	private static Set<String> names(JsonNode node) {
		Set<String> names = new HashSet<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
