package uk.interop.kb.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api}: the generated OpenAPI description as a readable page, server-rendered so it needs
 * no script and keeps the strict Content-Security-Policy.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class ApiPageController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OpenApiWebMvcResource openApi;

	ApiPageController(OpenApiWebMvcResource openApi) {
		this.openApi = openApi;
	}

	record Parameter(String name, String in, boolean required, String description) {
	}

	record Operation(String method, String path, String summary, List<Parameter> parameters, List<String> responses,
			String anchor) {
	}

	@GetMapping("/api")
	String page(HttpServletRequest request, Model model) throws Exception {
		JsonNode document = JSON.readTree(new String(openApi.openapiJson(request, "/v3/api-docs", Locale.UK),
				StandardCharsets.UTF_8));
		List<Operation> operations = new ArrayList<>();
		for (var path : document.path("paths").properties()) {
			for (var method : path.getValue().properties()) {
				JsonNode op = method.getValue();
				List<Parameter> parameters = new ArrayList<>();
				op.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asString(),
						p.path("in").asString(), p.path("required").asBoolean(), p.path("description").asString(""))));
				List<String> responses = new ArrayList<>();
				op.path("responses").propertyNames().forEach(responses::add);
				String verb = method.getKey().toUpperCase(Locale.ROOT);
				operations.add(new Operation(verb, path.getKey(), op.path("summary").asString(""), parameters,
						responses.stream().sorted().toList(),
						(verb + path.getKey()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")));
			}
		}
		operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
		model.addAttribute("info", document.path("info"));
		model.addAttribute("operations", operations);
		return "api/index";
	}
}
