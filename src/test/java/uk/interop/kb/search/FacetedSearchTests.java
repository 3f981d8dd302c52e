package uk.interop.kb.search;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/** Facet counts, drill-sideways and access rules on a real index of random documents, against brute force. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class FacetedSearchTests {

	@TempDir
	static Path dir;

	private SearchIndex index;
	private FacetedSearch service;
	private DocumentListing listing;
	private RelatedDocuments related;
	private List<Document> documents;

	@BeforeAll
	void buildIndex() {
		Taxonomy taxonomy = new TestContent(dir.resolve("content")).taxonomy();
		List<SourceDocument> corpus = RandomCorpus.generate(taxonomy, 400, 42);
		index = new SearchIndex(dir.resolve("index"), taxonomy);
		long generation = 0;
		for (SourceDocument source : corpus) {
			generation = index.upsert(source);
		}
		index.waitFor(generation);
		service = new FacetedSearch(index, new FacetLabels(taxonomy));
		listing = new DocumentListing(index);
		related = new RelatedDocuments(index);
		documents = corpus.stream().map(SourceDocument::document).toList();
	}

	@AfterAll
	void close() {
		index.close();
	}

	@Test
	void facetCountsEqualBruteForceForRandomFilterCombinations() {
		Random random = new Random(7);
		for (int round = 0; round < 60; round++) {
			Map<Facet, Set<String>> filters = randomFilters(random);
			Audience audience = random.nextBoolean() ? Audience.PUBLIC : Audience.MEMBERS;
			SearchRequest request = new SearchRequest("", filters, SearchRequest.Sort.RELEVANCE, 1, 20);

			SearchResults results = service.search(request, audience);

			List<Document> readable = documents.stream().filter(d -> audience.mayRead(d.visibility())).toList();
			assertThat(results.total()).as("total for %s", filters).isEqualTo(
					readable.stream().filter(d -> matchesAll(d, filters, null)).count());
			for (Facet facet : Facet.values()) {
				// Drill-sideways: a facet's counts apply every filter except its own.
				Map<String, Long> expected = new HashMap<>();
				readable.stream().filter(d -> matchesAll(d, filters, facet))
					.forEach(d -> values(d, facet).forEach(v -> expected.merge(v, 1L, Long::sum)));
				Map<String, Long> actual = results.facet(facet).orElseThrow().values().stream()
					.filter(v -> v.count() > 0)
					.collect(Collectors.toMap(SearchResults.FacetValue::id, SearchResults.FacetValue::count));
				assertThat(actual).as("%s counts for %s as %s", facet, filters, audience).isEqualTo(expected);
			}
		}
	}

	@Test
	void zeroCountValuesAreHiddenUnlessSelected() {
		SearchResults results = service.search(SearchRequest.of("nosuchwordanywhere"), Audience.MEMBERS);
		assertThat(results.facets()).allSatisfy(f -> assertThat(f.values()).isEmpty());

		SearchRequest request = SearchRequest.of("nosuchwordanywhere").withFilter(Facet.LEVEL, "semantic");
		SearchResults filtered = service.search(request, Audience.MEMBERS);
		assertThat(filtered.facet(Facet.LEVEL).orElseThrow().values())
			.containsExactly(new SearchResults.FacetValue("semantic", "Semantic", 0, true));
	}

	@Test
	void valuesWithinAFacetAreOrAndFacetsAreAnd() {
		SearchRequest twoLevels = SearchRequest.of("").withFilter(Facet.LEVEL, "semantic", "structural");
		long either = documents.stream().filter(d -> d.levels().contains("semantic") || d.levels().contains("structural"))
			.count();
		assertThat(service.search(twoLevels, Audience.MEMBERS).total()).isEqualTo(either);

		SearchRequest andTheme = twoLevels.withFilter(Facet.THEME, "data-quality");
		long both = documents.stream()
			.filter(d -> d.levels().contains("semantic") || d.levels().contains("structural"))
			.filter(d -> d.themes().contains("data-quality")).count();
		assertThat(service.search(andTheme, Audience.MEMBERS).total()).isEqualTo(both);
	}

	@Test
	void newestSortOrdersByPublishedDateAndPagesDoNotOverlap() {
		SearchRequest first = new SearchRequest("", Map.of(), SearchRequest.Sort.NEWEST, 1, 25);
		SearchResults page1 = service.search(first, Audience.MEMBERS);
		SearchResults page2 = service.search(first.withPage(2, 25), Audience.MEMBERS);

		List<java.time.LocalDate> dates = page1.hits().stream().map(h -> h.document().document().published()).toList();
		assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(page2.hits().get(0).document().document().published()).isBeforeOrEqualTo(dates.get(dates.size() - 1));
		Set<String> ids1 = page1.hits().stream().map(h -> h.document().id()).collect(Collectors.toSet());
		assertThat(page2.hits()).noneMatch(h -> ids1.contains(h.document().id()));
		assertThat(page1.totalPages()).isEqualTo((int) Math.ceil(documents.size() / 25.0));
	}

	@Test
	void snippetsMarkMatchesAndTheAudienceNeverSeesUnreadableDocuments() {
		SearchResults results = service.search(SearchRequest.of("custody"), Audience.PUBLIC);

		assertThat(results.hits()).isNotEmpty().allSatisfy(hit -> {
			assertThat(hit.document().document().isPublic()).isTrue();
			if (hit.document().html().contains("custody")) {
				assertThat(hit.snippetHtml()).contains("<mark>custody</mark>");
			}
		});
		assertThat(results.hits()).anySatisfy(hit -> assertThat(hit.snippetHtml()).contains("<mark>custody</mark>"));
	}

	@Test
	void relatedDocumentsExcludeTheDocumentItselfAndRespectTheAudience() {
		Document publicDoc = documents.stream().filter(Document::isPublic).filter(d -> !d.themes().isEmpty()).findFirst()
			.orElseThrow();

		List<IndexedDocument> similar = related.related(publicDoc.id(), Audience.PUBLIC, 5);

		assertThat(similar).isNotEmpty().hasSizeLessThanOrEqualTo(5)
			.noneMatch(r -> r.id().equals(publicDoc.id()))
			.allMatch(r -> r.document().isPublic());
	}

	@Test
	void aMembersDocumentCannotBeFetchedOrUsedForRelatedByThepublic() {
		Document members = documents.stream().filter(d -> !d.isPublic()).findFirst().orElseThrow();

		assertThat(listing.document(members.id(), Audience.PUBLIC)).isEmpty();
		assertThat(related.related(members.id(), Audience.PUBLIC, 5)).isEmpty();
		assertThat(listing.document(members.id(), Audience.MEMBERS)).isPresent();
	}

	@Test
	void latestIsNewestFirstAndReadableOnly() {
		List<IndexedDocument> latest = listing.latest(Audience.PUBLIC, 5, Set.of());

		java.time.LocalDate newestPublic = documents.stream().filter(Document::isPublic).map(Document::published)
			.max(java.util.Comparator.naturalOrder()).orElseThrow();
		assertThat(latest).hasSize(5).allMatch(d -> d.document().isPublic());
		assertThat(latest.get(0).document().published()).isEqualTo(newestPublic);
	}

	private Map<Facet, Set<String>> randomFilters(Random random) {
		Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			if (random.nextInt(3) == 0) {
				List<String> pool = documents.stream().flatMap(d -> values(d, facet).stream()).distinct().sorted().toList();
				Set<String> chosen = new LinkedHashSet<>();
				int n = 1 + random.nextInt(2);
				for (int i = 0; i < n; i++) {
					chosen.add(pool.get(random.nextInt(pool.size())));
				}
				filters.put(facet, chosen);
			}
		}
		return filters;
	}

	private static boolean matchesAll(Document d, Map<Facet, Set<String>> filters, Facet except) {
		return filters.entrySet().stream().filter(e -> e.getKey() != except)
			.allMatch(e -> values(d, e.getKey()).stream().anyMatch(e.getValue()::contains));
	}

	public static List<String> values(Document d, Facet facet) {
		return switch (facet) {
			case LEVEL -> d.levels();
			case THEME -> d.themes();
			case TYPE -> List.of(d.type());
			case ORGANISATION -> d.organisations();
			case SECTOR -> d.sectors();
			case OUTCOME -> d.outcome().isEmpty() ? List.of() : List.of(d.outcome());
			case BARRIER -> d.barriers();
			case YEAR -> List.of(Integer.toString(d.published().getYear()));
			case PROVENANCE -> List.of(d.illustrative() ? "illustrative" : "real");
			case SOURCE_TYPE -> d.sourceType().isEmpty() ? List.of() : List.of(d.sourceType());
			case SOURCE_YEAR -> d.sourceYear().isEmpty() ? List.of() : List.of(d.sourceYear());
		};
	}
}
