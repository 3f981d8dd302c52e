package uk.interop.kb.taxonomy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@uk.interop.kb.support.KbApplicationTest
class TaxonomyControllerTests {

	private static final Pattern HEADING = Pattern.compile("<h([1-6])[\\s>]");
	private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private Taxonomy taxonomy;

	@Autowired
	private SkosWriter skos;

	@Test
	void taxonomyPageIsHtmlWithTheContentSecurityPolicy() throws Exception {
		HttpResponse<String> response = get("/taxonomy");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self' 'nonce-"));
	}

	@Test
	void taxonomyPageListsEveryVocabularyAndEveryLevelAndThemeLabel() throws Exception {
		String page = get("/taxonomy").body();
		for (Vocabulary vocabulary : taxonomy.inOrder()) {
			assertThat(page).contains("id=\"" + vocabulary.id() + "\">" + html(vocabulary.label()) + "</h2>");
		}
		List<Concept> levelsAndThemes = new ArrayList<>(taxonomy.levels().concepts());
		levelsAndThemes.addAll(taxonomy.themes().concepts());
		assertThat(levelsAndThemes).hasSizeGreaterThanOrEqualTo(16);
		for (Concept concept : levelsAndThemes) {
			assertThat(page).contains(">" + html(concept.label()) + "</h3>");
		}
	}

	@Test
	void taxonomyPageGivesEveryConceptAnAnchorAndShowsItsUri() throws Exception {
		String page = get("/taxonomy").body();
		for (Vocabulary vocabulary : taxonomy.inOrder()) {
			for (Concept concept : vocabulary.concepts()) {
				assertThat(page).contains("id=\"" + vocabulary.id() + "-" + concept.id() + "\"")
					.contains("<code>" + skos.conceptUri(vocabulary.id(), concept.id()) + "</code>");
			}
		}
	}

	@Test
	void taxonomyPageHasOneH1HeadingsInOrderAndNoDuplicateIds() throws Exception {
		String page = get("/taxonomy").body();
		List<Integer> levels = new ArrayList<>();
		Matcher heading = HEADING.matcher(page);
		while (heading.find()) {
			levels.add(Integer.parseInt(heading.group(1)));
		}
		assertThat(levels).startsWith(1).filteredOn(level -> level == 1).hasSize(1);
		for (int i = 1; i < levels.size(); i++) {
			assertThat(levels.get(i)).as("heading %d after h%d", i, levels.get(i - 1))
				.isLessThanOrEqualTo(levels.get(i - 1) + 1);
		}
		Set<String> ids = new HashSet<>();
		Matcher id = ID.matcher(page);
		while (id.find()) {
			assertThat(ids.add(id.group(1))).as("id %s is unique", id.group(1)).isTrue();
		}
	}

	@Test
	void taxonomyPageLinksToBothDownloadsAndFlagsOnlyProposals() throws Exception {
		String page = get("/taxonomy").body();
		assertThat(page).contains("href=\"/taxonomy.ttl\"").contains("href=\"/taxonomy.jsonld\"");
		long proposals = taxonomy.inOrder().stream().filter(Vocabulary::proposal).count();
		assertThat(proposals).isPositive();
		assertThat(page.split("This list is a proposal", -1)).hasSize((int) proposals + 1);
	}

	@Test
	void taxonomyPageShowsAnOrganisationsSectorLabel() throws Exception {
		String page = get("/taxonomy").body();
		Concept pds = taxonomy.vocabulary(Taxonomy.ORGANISATIONS).concept("police-digital-service").orElseThrow();
		String section = page.substring(page.indexOf("id=\"organisations-police-digital-service\""));
		section = section.substring(0, section.indexOf("</dl>"));
		assertThat(section).contains("href=\"#sectors-" + pds.text("sector") + "\">"
				+ html(taxonomy.vocabulary(Taxonomy.SECTORS).label(pds.text("sector"))) + "</a>");
	}

	@Test
	void turtleIsServedAsUtf8TurtleWithAnHourOfPublicCaching() throws Exception {
		HttpResponse<String> response = get("/taxonomy.ttl");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/turtle;charset=UTF-8");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
		assertThat(response.headers().firstValue("Pragma")).isEmpty();
		assertThat(response.headers().firstValue("ETag")).isPresent();
		assertThat(response.body()).isEqualTo(skos.turtle(taxonomy))
			.contains("<https://interop-kb.example/taxonomy/levels/semantic> a skos:Concept ;");
	}

	@Test
	void jsonLdIsServedAsJsonLdWithAnHourOfPublicCaching() throws Exception {
		HttpResponse<String> response = get("/taxonomy.jsonld");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ld+json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
		JsonNode document = JsonMapper.builder().build().readTree(response.body());
		assertThat(document.get("@context").get("skos").stringValue()).isEqualTo(SkosWriter.SKOS);
		int concepts = taxonomy.inOrder().stream().mapToInt(vocabulary -> vocabulary.concepts().size()).sum();
		assertThat(document.get("@graph").size()).isEqualTo(taxonomy.inOrder().size() + concepts);
	}

	@Test
	void downloadAnswersNotModifiedWhenTheClientHasItsEtag() throws Exception {
		String etag = get("/taxonomy.ttl").headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> again = http.send(request("/taxonomy.ttl").header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
	}

	private static String html(String text) {
		return HtmlUtils.htmlEscape(text);
	}
}
