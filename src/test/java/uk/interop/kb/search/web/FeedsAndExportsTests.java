package uk.interop.kb.search.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.content.Document;
import uk.interop.kb.support.Corpus;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Atom feeds, CSV and briefing exports, suggestions, the sitemap and page metadata, with the access rules. */
@KbApplicationTest
class FeedsAndExportsTests {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	@LocalServerPort
	int port;

	@Autowired
	Corpus corpus;

	@Autowired
	TestAccounts accounts;

	private Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	private static org.w3c.dom.Document xml(String text) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> entryTitles(org.w3c.dom.Document feed) {
		NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			for (String required : List.of("id", "title", "updated", "link")) {
				assertThat(entry.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isPositive();
			}
			titles.add(entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
		}
		return titles;
	}

	@Test
	void everySearchHasAValidAtomTwinWithTheNewestMatchesFirst() throws Exception {
		HttpResponse<String> response = http.get("/search.atom?level=semantic");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
		org.w3c.dom.Document feed = xml(response.body());
		Element root = feed.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("feed");
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		for (String required : List.of("id", "title", "updated", "author")) {
			assertThat(root.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isPositive();
		}
		List<String> titles = entryTitles(feed);
		List<Document> expected = corpus.documents().stream().filter(Document::isPublic)
			.filter(d -> d.levels().contains("semantic"))
			.sorted(java.util.Comparator.comparing(Document::published).reversed()).toList();
		assertThat(titles).hasSize(Math.min(50, expected.size()));
		// Several documents can share the newest date; the first entry is one of them.
		assertThat(expected.stream().filter(d -> d.published().equals(expected.get(0).published()))
			.map(Document::title)).contains(titles.get(0));
	}

	@Test
	void anonymousFeedsNeverCarryMembersOnlyDocumentsButAMembersFeedDoesAndIsNotCached() throws Exception {
		List<String> membersTitles = corpus.documents().stream().filter(d -> !d.isPublic()).map(Document::title)
			.toList();

		List<String> anonymous = entryTitles(xml(http.get("/search.atom").body()));
		assertThat(anonymous).doesNotContainAnyElementsOf(membersTitles);

		WebSession member = new WebSession(port);
		member.signIn(accounts.user(Role.MEMBER), TestAccounts.PASSWORD);
		HttpResponse<String> members = member.get("/search.atom?q=kestrel");
		assertThat(entryTitles(xml(members.body()))).isNotEmpty().allMatch(membersTitles::contains);
		assertThat(members.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

	@Test
	void theResultsPageLinksToItsFeedAndExports() {
		String html = http.page("/search?q=culture&level=organisational").body();

		assertThat(html).contains("href=\"/search.atom?q=culture&amp;level=organisational\"",
				"href=\"/search.csv?q=culture&amp;level=organisational\"",
				"href=\"/search.md?q=culture&amp;level=organisational\"", "Subscribe to these results");
	}

	@Test
	void theCsvExportHasOneRowPerResultAndTheBriefingNamesTheFilters() {
		long expected = corpus.documents().stream().filter(Document::isPublic)
			.filter(d -> d.levels().contains("foundational")).count();

		HttpResponse<String> csv = http.get("/search.csv?level=foundational");
		HttpResponse<String> md = http.get("/search.md?level=foundational&q=");

		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		assertThat(csv.body().split("\r\n")).hasSize((int) expected + 1);
		assertThat(csv.body()).startsWith("\"title\",\"url\",\"type\"");
		assertThat(md.body()).startsWith("# Interop KB briefing").contains("## Filters used",
				"Interoperability level: Foundational", "## Documents (" + expected + ")");
	}

	@Test
	void theIllustrativeFlagTravelsWithEveryExportAndFeed() throws Exception {
		List<Document> illustrative = corpus.documents().stream().filter(Document::isPublic)
			.filter(Document::illustrative).toList();
		assertThat(illustrative).isNotEmpty();
		Document invented = illustrative.get(0);
		Document real = corpus.documents().stream().filter(Document::isPublic).filter(d -> !d.illustrative())
			.findFirst().orElseThrow();

		List<String> rows = List.of(http.get("/search.csv?page-size=500").body().split("\r\n"));
		assertThat(rows.get(0)).contains("\"published\",\"illustrative\",\"summary\"");
		int column = List.of(rows.get(0).split(",")).indexOf("\"illustrative\"");
		assertThat(cell(rows, invented.title(), column)).isEqualTo("yes");
		assertThat(cell(rows, real.title(), column)).isEqualTo("no");

		org.w3c.dom.Document feed = xml(http.get("/search.atom?provenance=illustrative").body());
		NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
		assertThat(entries.getLength()).isEqualTo(Math.min(50, illustrative.size()));
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			assertThat(entry.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent())
				.startsWith("Illustrative example, invented for demonstration: ");
			assertThat(terms(entry)).contains("illustrative");
		}
		Element realEntry = (Element) xml(http.get("/search.atom?provenance=real").body())
			.getElementsByTagNameNS(ATOM, "entry").item(0);
		assertThat(terms(realEntry)).contains("real").doesNotContain("illustrative");

		assertThat(http.get("/search.md?provenance=illustrative").body())
			.contains("- Illustrative example: invented for demonstration");
	}

	/** The cell in this column of the row for this title (every cell is quoted, so cells split on ","). */
	private static String cell(List<String> rows, String title, int column) {
		String row = rows.stream().filter(r -> r.startsWith(uk.interop.kb.web.Csv.cell(title) + ",")).findFirst()
			.orElseThrow();
		return row.split("\",\"")[column];
	}

	private static List<String> terms(Element entry) {
		NodeList categories = entry.getElementsByTagNameNS(ATOM, "category");
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < categories.getLength(); i++) {
			terms.add(((Element) categories.item(i)).getAttribute("term"));
		}
		return terms;
	}

	@Test
	void suggestionsCompleteTitlesAndLabelsOnlyFromReadableDocuments() {
		JsonNode suggestions = JsonMapper.builder().build().readTree(http.get("/api/v1/suggest?q=semant").body());

		assertThat(suggestions.get(0).asString()).isEqualTo("semant");
		List<String> values = new ArrayList<>();
		suggestions.get(1).forEach(v -> values.add(v.asString()));
		assertThat(values).contains("Semantic");
		List<String> membersTitles = corpus.documents().stream().filter(d -> !d.isPublic()).map(Document::title)
			.toList();
		for (Document members : corpus.documents().stream().filter(d -> !d.isPublic()).toList()) {
			String prefix = members.title().split(" ")[0] + " " + members.title().split(" ")[1];
			JsonNode answer = JsonMapper.builder().build().readTree(http.get("/api/v1/suggest?q="
					+ Http.encode(prefix)).body());
			answer.get(1).forEach(v -> assertThat(membersTitles).doesNotContain(v.asString()));
		}
	}

	@Test
	void theSitemapListsPublicPagesOnlyAndRobotsPointsToIt() throws Exception {
		String sitemap = http.get("/sitemap.xml").body();
		xml(sitemap);

		for (Document d : corpus.documents()) {
			if (d.isPublic()) {
				assertThat(sitemap).contains("/documents/" + d.id() + "</loc>");
			}
			else {
				assertThat(sitemap).doesNotContain("/documents/" + d.id() + "<");
			}
		}
		assertThat(http.get("/robots.txt").body()).contains("Sitemap: " + uk.interop.kb.support.TestPort.baseUrl() + "/sitemap.xml",
				"Disallow: /admin");
		assertThat(http.get("/opensearch.xml").body()).contains("/search?q={searchTerms}",
				"/api/v1/suggest?q={searchTerms}");
	}

	@Test
	void documentPagesCarryDublinCoreAndSchemaOrgJsonLdAboutTheirConcepts() {
		String html = http.page("/documents/handbook/semantic").body();

		assertThat(html).contains("<meta name=\"DC.title\"", "<meta name=\"DC.date\" content=\"",
				"<meta name=\"DC.subject\" content=\"Semantic\"");
		String json = html.replaceAll("(?s).*<script type=\"application/ld\\+json\"[^>]*>(.*?)</script>.*", "$1");
		JsonNode ld = JsonMapper.builder().build().readTree(json);
		assertThat(ld.get("@context").asString()).isEqualTo("https://schema.org");
		assertThat(ld.get("@type").asString()).isIn("Article", "Report");
		assertThat(ld.get("dateCreated").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(ld.get("publisher").get("name").asString()).isEqualTo("Interop KB");
		assertThat(ld.get("about").get(0).get("@id").asString()).endsWith("/levels/semantic");
	}
}
