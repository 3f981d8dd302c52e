package uk.interop.kb.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.support.ApiClient;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v3/api-docs} read by a real OpenAPI parser (swagger-parser), as client generators read it:
 * no error or warning, every {@code $ref} resolves to a defined component, and every operation has a
 * summary.
 */
@KbApplicationTest
class OpenApiDocumentTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private String document() {
		var response = new ApiClient(port, null).get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@Test
	void theParserReadsTheDocumentWithoutAnyMessage() {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setResolveFully(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(document(), null, options);

		assertThat(result.getMessages()).as("parser messages").isEmpty();
		OpenAPI api = result.getOpenAPI();
		assertThat(api).isNotNull();
		assertThat(api.getComponents().getSchemas()).containsKey("Problem");
		assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
			.containsKeys("type", "title", "status", "detail");
	}

	@Test
	void everyReferenceNamesAComponentThatIsDefined() {
		JsonNode doc = JSON.readTree(document());
		List<String> refs = new ArrayList<>();
		collectRefs(doc, refs);

		assertThat(refs).as("the document refers to components").isNotEmpty();
		for (String ref : refs) {
			assertThat(ref).as("a local reference").startsWith("#/");
			JsonNode target = doc.at(ref.substring(1));
			assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
		}
		assertThat(refs).contains("#/components/schemas/Problem");
	}

	@Test
	void everyOperationHasASummary() {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		OpenAPI api = new OpenAPIV3Parser().readContents(document(), null, options).getOpenAPI();
		List<String> operations = new ArrayList<>();
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			operations.add(method + " " + path);
			assertThat(summary(operation)).as("summary of %s %s", method, path).isNotBlank();
		}));
		assertThat(operations).hasSizeGreaterThanOrEqualTo(17);
	}

	@Test
	void theServerIsTheConfiguredBaseUrlWhateverHostIsAsked() {
		OpenAPI api = new OpenAPIV3Parser().readContents(document(), null, new ParseOptions()).getOpenAPI();

		assertThat(api.getServers()).singleElement()
			.satisfies(server -> assertThat(server.getUrl()).isEqualTo(uk.interop.kb.support.TestPort.baseUrl()));
	}

	private static String summary(Operation operation) {
		return operation.getSummary() == null ? "" : operation.getSummary();
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject()) {
			for (var entry : node.properties()) {
				if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
					refs.add(entry.getValue().asString());
				}
				else {
					collectRefs(entry.getValue(), refs);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(child -> collectRefs(child, refs));
		}
	}
}
