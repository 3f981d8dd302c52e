package uk.interop.kb.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Analysis, synonyms, hostile input, snippets and suggestions on a small real index. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class QueryHandlingTests {

	@TempDir
	static Path dir;

	private SearchIndex index;
	private FacetedSearch search;
	private Taxonomy taxonomy;

	@BeforeAll
	void build() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/moj.md", TestContent.lesson("Court results", "The Ministry of Justice shared results."));
		content.write("lessons/rms.md", TestContent.lesson("Migrating", "The records management system moved."));
		content.write("lessons/pnc.md", TestContent.lesson("National feeds", "Updates to the PNC were delayed."));
		content.write("lessons/stem.md", TestContent.lesson("Agreements", "Partners were agreeing information sharing."));
		content.write("lessons/html.md", TestContent.lesson("Markup", "Type <script>alert(1)</script> safely near widget."));
		content.write("lessons/secret.md", TestContent.lesson("Members", "The zanzibar pilot is private.",
				"visibility: members"));
		content.write("lessons/orchestration.md", TestContent.lesson("Hub", "An orchestration layer joined systems."));
		taxonomy = content.taxonomy();
		index = new SearchIndex(dir.resolve("index"), taxonomy);
		new ContentIndexer(index, content.loader(), taxonomy.fingerprint()).sync();
		search = new FacetedSearch(index, new FacetLabels(taxonomy));
	}

	@AfterAll
	void close() {
		index.close();
	}

	private List<String> ids(String query, Audience audience) {
		return search.search(SearchRequest.of(query), audience).hits().stream().map(h -> h.document().id()).toList();
	}

	@Test
	void acronymsFindTheirExpansionsAndBack() {
		assertThat(ids("MoJ", Audience.PUBLIC)).contains("lessons/moj");
		assertThat(ids("RMS", Audience.PUBLIC)).contains("lessons/rms");
		assertThat(ids("police national computer", Audience.PUBLIC)).contains("lessons/pnc");
		assertThat(ids("PNC", Audience.PUBLIC)).contains("lessons/pnc");
		assertThat(ids("records management system", Audience.PUBLIC)).contains("lessons/rms");
	}

	@Test
	void englishStemmingMatchesOtherFormsOfAWord() {
		assertThat(ids("agreed", Audience.PUBLIC)).contains("lessons/stem");
		assertThat(ids("migrations", Audience.PUBLIC)).contains("lessons/rms");
	}

	@Test
	void snippetsEscapeTheDocumentsOwnMarkup() {
		SearchResults results = search.search(SearchRequest.of("widget"), Audience.PUBLIC);

		String snippet = results.hits().get(0).snippetHtml();
		assertThat(snippet).contains("<mark>widget</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
	}

	public static List<String> hostileQueries() {
		return List.of("\"unbalanced", "((((((((", "))))", "*", "?", "*records", "?ecords", "a*", "-", "--", "+",
				"|", "\\", "\\\\\\", "~", "records~2", "/regex.*/", "[a TO z]", "{a TO b}", "title:records", "AND",
				"OR NOT", "NOT", "\u0000\u0001\u0002", "records\u0000", "é".repeat(300), "a ".repeat(600),
				"(".repeat(5000) + "x" + ")".repeat(5000), "\"".repeat(999), "*".repeat(999),
				"records AND (management OR", "&&||!!", "%00%27", "' OR 1=1 --", "<script>alert(1)</script>",
				"\uD83D\uDE00 emoji", "\uD800", "  ", "", "x".repeat(100_000));
	}

	@ParameterizedTest
	@MethodSource("hostileQueries")
	void hostileQueriesNeverThrow(String query) {
		String capped = query.length() > SearchRequest.MAX_QUERY_LENGTH ? query.substring(0,
				SearchRequest.MAX_QUERY_LENGTH) : query;
		assertThatCode(() -> search.search(SearchRequest.of(capped), Audience.PUBLIC)).doesNotThrowAnyException();
	}

	@Test
	void aLoneStarMeansEverythingReadableAndShortPrefixesAreWords() {
		assertThat(search.search(SearchRequest.of("*"), Audience.PUBLIC).total()).isEqualTo(6);
		assertThat(search.search(SearchRequest.of("z*"), Audience.PUBLIC).total()).isZero();
		assertThat(ids("orchestr*", Audience.PUBLIC)).contains("lessons/orchestration");
	}

	@Test
	void aMisspeltWordIsCorrectedFromReadableDocumentsAndTheCorrectedResultsShown() {
		SearchResults results = search.search(SearchRequest.of("orchestraton"), Audience.PUBLIC);

		assertThat(results.correctedQuery()).contains("orchestration");
		assertThat(results.hits()).extracting(h -> h.document().id()).containsExactly("lessons/orchestration");
		SearchResults exact = search.search(SearchRequest.of("orchestraton").exactly(), Audience.PUBLIC);
		assertThat(exact.total()).isZero();
		assertThat(exact.correctedQuery()).isEmpty();
	}

	@Test
	void spellingNeverCorrectsToAWordOnlyMembersCanRead() {
		SearchResults anonymous = search.search(SearchRequest.of("zanzibarr"), Audience.PUBLIC);
		assertThat(anonymous.correctedQuery()).isEmpty();
		assertThat(anonymous.suggestion()).isEmpty();
		assertThat(anonymous.total()).isZero();
		assertThat(search.search(SearchRequest.of("zanzibarr"), Audience.MEMBERS).correctedQuery()).contains("zanzibar");
		assertThat(search.search(SearchRequest.of("zanzibar"), Audience.PUBLIC).total()).isZero();
	}

	@Test
	void aSuggestionIsOfferedWhenCorrectingIsTurnedOffAndLittleIsFound() {
		FacetedSearch offering = new FacetedSearch(index, new FacetLabels(taxonomy),
				uk.interop.kb.search.relevance.Variants.with(uk.interop.kb.search.index.Ranking.DEFAULT, "autoCorrect",
						false));

		SearchResults results = offering.search(SearchRequest.of("orchestraton"), Audience.PUBLIC);

		assertThat(results.total()).isZero();
		assertThat(results.correctedQuery()).isEmpty();
		assertThat(results.suggestion()).contains("orchestration");
	}

	@Test
	void latestCanBeLimitedToSomeTypes() {
		assertThat(new DocumentListing(index).latest(Audience.PUBLIC, 10, Set.of("case-study"))).isEmpty();
		assertThat(new DocumentListing(index).latest(Audience.PUBLIC, 10, Set.of("lesson"))).hasSize(6);
	}
}
