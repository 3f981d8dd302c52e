package uk.interop.kb.api;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import uk.interop.kb.web.BaseUrl;

/** The OpenAPI description (springdoc generates the paths) and HTTP caching for what the API returns. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM = "Problem";

	static final Map<String, String> PROBLEMS = Map.of("400", "Bad parameter or body (the `parameter` names it)",
			"401", "Missing or invalid bearer token", "403", "Your role does not allow this", "404",
			"Not found, or not yours to read", "409", "Edit conflict, or not allowed in the current state", "413",
			"Request body too large", "429", "Too many requests: see Retry-After", "503",
			"The search index cannot take changes just now: nothing was changed; try again later");

	@Bean
	OpenAPI interopKbOpenApi(BaseUrl baseUrl) {
		return new OpenAPI()
			.info(new Info().title("Interop KB API").version("v1")
				.description("Search the Interoperability in Justice and Public Safety forum's knowledge base, read "
						+ "documents and the taxonomy, and run the contribution workflow. Anonymous callers see "
						+ "public content; send a personal access token as a bearer token to act with your role. "
						+ "Each document names its own source and terms."))
			// From kb.base-url: springdoc would otherwise write the Host header of whoever asked first.
			.servers(List.of(new Server().url(baseUrl.value()).description("Interop KB")))
			.components(new Components()
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.description("A personal access token from Your account → API tokens")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/** RFC 9457 problem details, as {@code ApiProblems} and {@code ProblemResponses} write them. */
	static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().description("A URI naming the problem type; about:blank here"))
			.addProperty("title", new StringSchema().description("A short summary of the problem"))
			.addProperty("status", new IntegerSchema().description("The HTTP status code"))
			.addProperty("detail", new StringSchema().description("What went wrong, for this request"))
			.addProperty("instance", new StringSchema().description("The request path"))
			.addProperty("parameter", new StringSchema().description("The parameter or field in error, if any"))
			.addProperty("errors", new Schema<>().description("Every error found, when there is more than one"))
			.addProperty("currentVersion", new IntegerSchema().description("After an edit conflict: the version now"))
			.required(List.of("title", "status"));
	}

	/**
	 * Every operation can answer with the shared problem-details responses, and the document says so;
	 * the schema they refer to is added here, after springdoc has generated the components (it replaces
	 * any schema set on the {@link OpenAPI} bean).
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
		return openApi -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
					PROBLEMS.forEach((code, description) -> operation.getResponses().putIfAbsent(code,
							new ApiResponse().description(description).content(new Content()
								.addMediaType("application/problem+json", new MediaType().schema(problem)))))));
		};
	}

	/** ETags on API reads and feeds: a client that sends If-None-Match gets 304 when nothing changed. */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/v1/search", "/api/v1/documents/*", "/api/v1/taxonomy", "/search.atom",
				"/taxonomy.ttl", "/taxonomy.jsonld");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
