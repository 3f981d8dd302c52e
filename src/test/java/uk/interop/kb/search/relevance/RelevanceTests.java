package uk.interop.kb.search.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.Completions;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.SearchResults;
import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.search.index.SentenceEmbeddings;
import uk.interop.kb.support.RealContent;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/**
 * Relevance regressions, caught by specific queries finding specific documents over the shipped
 * content, with hybrid retrieval as the app runs it: the judged queries that name the one document
 * they are about find it in the top three (docs/relevance.md has the figures), misspellings recover,
 * and the semantic side never lets members-only documents reach anyone else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceTests {

	/**
	 * Judged queries whose named document is found, but below third place, by today's ranking: each
	 * has another relevant document above it (see docs/relevance.md, "Known misses"). They are left out
	 * of the top-three check, not out of the harness's figures.
	 */
	static final Set<String> KNOWN_MISSES = Set.of("ac-07", "nl-04", "nl-07", "nl-19");

	/** The six queries a new user tried, quoted at the top of the relevance issue, each with its lesson. */
	static final Set<String> QUOTED = Set.of("nl-01", "nl-02", "kw-04", "ms-01", "ms-02", "nl-03");

	private SearchIndex index;
	private FacetedSearch search;
	private Taxonomy taxonomy;

	@BeforeAll
	void build() {
		taxonomy = new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy"));
		SentenceEmbeddings.Loaded embeddings = SentenceEmbeddings.load(Path.of("target/test-embeddings"));
		assertThat(embeddings.problem()).as("the embedding model loads here").isEmpty();
		Path dir = Path.of("target/test-index/relevance");
		index = new SearchIndex(dir, taxonomy, embeddings.embeddings());
		new ContentIndexer(index, RealContent.loader(taxonomy), taxonomy.fingerprint()).sync();
		search = new FacetedSearch(index, new FacetLabels(taxonomy));
	}

	@AfterAll
	void close() {
		index.close();
	}

	private List<String> top(String query, Audience audience, int count) {
		return search.search(new SearchRequest(query, Map.of(), SearchRequest.Sort.RELEVANCE, 1, count), audience)
			.hits().stream().map(h -> h.document().id()).toList();
	}

	static Stream<JudgedQuery> namedAnswers() {
		return JudgedQuery.load().stream().filter(q -> q.top3().isPresent()).filter(q -> !KNOWN_MISSES.contains(q.id()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("namedAnswers")
	void aJudgedQueryFindsTheDocumentItIsAboutInTheTopThree(JudgedQuery query) {
		assertThat(top(query.query(), Audience.MEMBERS, 3)).as(query.query()).contains(query.top3().get());
	}

	@Test
	void everyQueryQuotedInTheIssueIsCheckedAndNoneIsAKnownMiss() {
		List<JudgedQuery> quoted = JudgedQuery.load().stream().filter(q -> QUOTED.contains(q.id())).toList();

		assertThat(quoted).extracting(JudgedQuery::query).containsExactlyInAnyOrder(
				"how do we get two control rooms to understand each other's codes",
				"fire crews can't load risk information in rural areas", "body worn camera footage",
				"mental heath triage", "POLE catalog", "partner staff need a separate police login");
		assertThat(quoted).allMatch(q -> q.top3().isPresent()).noneMatch(q -> KNOWN_MISSES.contains(q.id()));
	}

	@Test
	void theKnownMissesAreStillFoundOnTheFirstPage() {
		for (JudgedQuery query : JudgedQuery.load()) {
			if (KNOWN_MISSES.contains(query.id())) {
				assertThat(top(query.query(), Audience.MEMBERS, 10)).as(query.query()).contains(query.top3().get());
			}
		}
	}

	@Test
	void aQueryThatFindsNothingAsTypedShowsTheCorrectedResultsAndSaysSo() {
		SearchResults results = search.search(SearchRequest.of("interoperabilty"), Audience.PUBLIC);

		assertThat(results.correctedQuery()).contains("interoperability");
		assertThat(results.total()).isPositive();
		// Taken exactly as typed, only the semantic side can find anything: it is not corrected.
		assertThat(search.search(SearchRequest.of("interoperabilty").exactly(), Audience.PUBLIC).correctedQuery())
			.isEmpty();
	}

	@Test
	void lettersTheLibraryHasNeverSeenFindNothingNotEvenByResemblance() {
		for (String nonsense : List.of("zxnvdhciatli", "qqzxv vvzqq", "kestrelx")) {
			assertThat(search.search(SearchRequest.of(nonsense).exactly(), Audience.MEMBERS).total()).as(nonsense)
				.isZero();
		}
	}

	@Test
	void aMisspeltWordAmongKnownOnesIsCorrectedToo() {
		SearchResults results = search.search(SearchRequest.of("mental heath triage"), Audience.MEMBERS);

		assertThat(results.correctedQuery()).contains("mental health triage");
		assertThat(results.hits().stream().limit(3).map(h -> h.document().id()))
			.contains("lessons/r-street-triage-shared-records-at-the-scene");
	}

	@Test
	void americanSpellingsAndClosedCompoundsFindTheBritishAndSplitForms() {
		assertThat(top("POLE catalog", Audience.PUBLIC, 3)).contains("lessons/a-pole-catalogue-shared-vocabulary");
		assertThat(top("bodyworn video", Audience.PUBLIC, 3)).contains("case-studies/b-bwv-digital-evidence-transfer");
		assertThat(top("standardization of data", Audience.PUBLIC, 5))
			.contains("lessons/r-nao-using-data-across-government-standards");
	}

	@Test
	void aQueryNamingATaxonomyConceptOffersItsFilterButDoesNotFilter() {
		SearchResults results = search.search(SearchRequest.of("semantic interoperability examples"), Audience.PUBLIC);

		assertThat(results.suggestedFilters()).anySatisfy(f -> {
			assertThat(f.facet()).isEqualTo(uk.interop.kb.search.Facet.LEVEL);
			assertThat(f.id()).isEqualTo("semantic");
		});
		long taggedSemantic = results.facet(uk.interop.kb.search.Facet.LEVEL).orElseThrow().values().stream()
			.filter(v -> v.id().equals("semantic")).mapToLong(SearchResults.FacetValue::count).sum();
		assertThat(results.total()).as("documents not tagged semantic are still found").isGreaterThan(taggedSemantic);
	}

	@Test
	void relatedDocumentsAndSimilarDraftsForAnyoneElseAreAllPublic() {
		RelatedDocuments related = new RelatedDocuments(index);
		for (SourceDocument source : RealContent.load().documents()) {
			if (source.document().isPublic()) {
				assertThat(related.related(source.document().id(), Audience.PUBLIC, 10)).as(source.document().id())
					.isNotEmpty().noneMatch(r -> !r.document().isPublic());
			}
			else {
				assertThat(related.related(source.document().id(), Audience.PUBLIC, 10)).isEmpty();
				assertThat(related.similarTo(source.markdown(), Audience.PUBLIC, 10)).noneMatch(r -> !r.document().isPublic());
			}
		}
	}

	/** The facets count exactly the fused set: lexical matches and semantic ones, as paged through. */
	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "partner staff need a separate police login",
			"information governance barriers", "interoperabilty" })
	void facetCountsAreExactlyTheCountsOfEveryResult(String query) {
		SearchResults first = search.search(new SearchRequest(query, Map.of(), SearchRequest.Sort.RELEVANCE, 1, 100),
				Audience.MEMBERS);
		List<Document> all = new java.util.ArrayList<>(first.hits().stream().map(h -> h.document().document()).toList());
		for (int page = 2; (long) (page - 1) * 100 < first.total(); page++) {
			search.search(new SearchRequest(query, Map.of(), SearchRequest.Sort.RELEVANCE, page, 100), Audience.MEMBERS)
				.hits().forEach(h -> all.add(h.document().document()));
		}

		assertThat(all).hasSize((int) first.total());
		for (uk.interop.kb.search.Facet facet : List.of(uk.interop.kb.search.Facet.LEVEL,
				uk.interop.kb.search.Facet.THEME, uk.interop.kb.search.Facet.TYPE, uk.interop.kb.search.Facet.SECTOR,
				uk.interop.kb.search.Facet.PROVENANCE)) {
			for (SearchResults.FacetValue value : first.facet(facet).orElseThrow().values()) {
				long expected = all.stream().filter(d -> uk.interop.kb.search.FacetedSearchTests.values(d, facet)
					.contains(value.id())).count();
				assertThat(value.count()).as(query + " " + facet + "=" + value.id()).isEqualTo(expected);
			}
		}
	}

	static Stream<Document> membersOnly() {
		return RealContent.documents().stream().filter(d -> !d.isPublic());
	}

	/**
	 * A members-only document's own title is the query most likely to pull it in through meaning: for
	 * anyone else it appears in no result, no count, no suggestion and no related list.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("membersOnly")
	void membersOnlyDocumentsNeverReachAnyoneElseThroughMeaning(Document members) {
		SearchResults results = search.search(new SearchRequest(members.title(), Map.of(),
				SearchRequest.Sort.RELEVANCE, 1, 100), Audience.PUBLIC);
		List<SearchResults.Hit> hits = new java.util.ArrayList<>(results.hits());
		for (int page = 2; (long) (page - 1) * 100 < results.total(); page++) {
			hits.addAll(search.search(new SearchRequest(members.title(), Map.of(), SearchRequest.Sort.RELEVANCE, page,
					100), Audience.PUBLIC).hits());
		}

		assertThat(hits).noneMatch(h -> !h.document().document().isPublic());
		assertThat(results.total()).as("the total counts only what the public may read").isEqualTo(hits.size());
		results.facets().forEach(f -> f.values().forEach(v -> assertThat(v.count()).isLessThanOrEqualTo(hits.size())));
		assertThat(new Completions(index, taxonomy).complete(members.title(), Audience.PUBLIC, 10))
			.doesNotContain(members.title());
		assertThat(search.search(new SearchRequest(members.title(), Map.of(), SearchRequest.Sort.RELEVANCE, 1, 100),
				Audience.MEMBERS).hits()).anyMatch(h -> h.document().id().equals(members.id()));
	}
}
