package uk.interop.kb.browse;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.support.Http;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

@KbApplicationTest
class PagesTests {

	@LocalServerPort
	int port;

	private Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/search", "/search?q=culture", "/levels", "/levels/semantic", "/themes",
			"/themes/data-quality", "/documents/handbook/overview", "/documents/forum/2026-02-forum-session",
			"/sign-in", "/taxonomy" })
	void pagesRenderWithOneH1AndADescriptiveTitle(String path) {
		HttpResponse<String> response = http.page(path);

		assertThat(response.statusCode()).isEqualTo(200);
		String html = response.body();
		assertThat(html).contains("<html lang=\"en\"");
		assertThat(html.split("<h1", -1)).hasSize(2);
		assertThat(html).containsPattern("<title>[^<]*Interop KB[^<]*</title>");
	}

	@Test
	void searchTitleFollowsGovukForm() {
		assertThat(http.page("/search?q=records").body()).contains("<title>Search results for “records” – Interop KB</title>");
	}

	@Test
	void searchPageShowsCountsTagsAndRemovalLinks() {
		String html = http.page("/search?level=semantic&level=structural").body();

		assertThat(html).containsPattern("id=\"result-count\"[^>]*>\\d+ results<");
		assertThat(html).contains("Interoperability level: Semantic", "Interoperability level: Structural");
		assertThat(html).contains("href=\"/search?level=structural\"", "href=\"/search?level=semantic\"");
		assertThat(html).contains("Clear all filters");
		assertThat(html).containsPattern("name=\"level\" value=\"semantic\" checked");
	}

	@Test
	void searchWithATooLongQueryShowsTheGovukErrorPattern() {
		HttpResponse<String> response = http.page("/search?q=" + "x".repeat(400));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("govuk-error-summary", "There is a problem",
				"Search terms must be 256 characters or fewer", "<title>Error: ");
	}

	@Test
	void noResultsGivesAdvice() {
		assertThat(http.page("/search?q=xyzzyplugh").body()).contains("There are no matching results",
				"removing filters");
	}

	@Test
	void documentPageShowsIllustrativeNoticeMetadataLinksContentsAndRelated() {
		String id = uk.interop.kb.support.RealContent.documents().stream()
			.filter(d -> d.illustrative() && d.isPublic() && d.type().equals("lesson")).findFirst().orElseThrow().id();

		String html = http.page("/documents/" + id).body();

		assertThat(html).contains("Illustrative example", "govuk-summary-list", "href=\"/search?level=",
				"id=\"contents-heading\"", "id=\"related\"");
		assertThat(html).containsPattern("href=\"#what-happened\"");
		assertThat(html).contains("id=\"what-happened\"");
	}

	@Test
	void unknownPagesAreAGovukStyle404() {
		HttpResponse<String> response = http.page("/documents/nothing/here");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found").doesNotContain("Exception", "at uk.interop");
		assertThat(http.page("/levels/nope").statusCode()).isEqualTo(404);
		assertThat(http.page("/themes/nope").statusCode()).isEqualTo(404);
	}

	@Test
	void securityHeadersArePresentAndTheInlineScriptCarriesTheNonce() {
		HttpResponse<String> response = http.page("/");

		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
		String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
		assertThat(response.body()).contains("<script nonce=\"" + nonce + "\">");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
		assertThat(http.page("/").headers().firstValue("Content-Security-Policy").orElseThrow()).isNotEqualTo(csp);
	}

	@Test
	void theH2ConsoleIsOffAndUnlistedRoutesAreClosed() {
		assertThat(http.page("/h2-console").statusCode()).isIn(302, 403, 404);
		assertThat(http.page("/h2-console").body()).doesNotContainIgnoringCase("h2 console");
		assertThat(http.page("/actuator/env").statusCode()).isIn(302, 403, 404);
		assertThat(http.page("/actuator/env").body()).doesNotContain("propertySources");
		assertThat(http.page("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void unknownRoutesAreNotFoundRatherThanASignInPrompt() {
		HttpResponse<String> unknown = http.page("/about-us");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("Page not found");
		HttpResponse<String> api = http.get("/api/v1/nothing-here");
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type").orElse("")).doesNotContain("text/html");
	}

	@Test
	void headRequestsWorkForHealthChecksAndPages() {
		var head = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url("/actuator/health")))
			.method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
		assertThat(http.send(head).statusCode()).isEqualTo(200);
		var page = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url("/")))
			.method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
		assertThat(http.send(page).statusCode()).isEqualTo(200);
	}

	@Test
	void apiRefusalsAreProblemDetails() {
		var post = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url("/api/v1/search")))
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
		HttpResponse<String> response = http.send(post);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":403");
	}

	@Test
	void anUndecodableQueryStringIsABadRequestPage() {
		for (String path : java.util.List.of("/search?q=%ff%fe", "/search.atom?q=%ff")) {
			HttpResponse<String> response = http.page(path);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).contains("There is a problem with the request");
		}
	}
}
