package uk.interop.kb.search;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The editors' "due for review" filter and count on a real index: due means a review-by day on or before today;
 * the filter composes with the query, the facet filters and the access filter, and the count is of the matches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewDueSearchTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
	private static final SearchRequest.Review SHOWN = SearchRequest.Review.forEditor(TODAY, false);
	private static final SearchRequest.Review DUE_ONLY = SearchRequest.Review.forEditor(TODAY, true);

	@TempDir
	static Path dir;

	private SearchIndex index;
	private FacetedSearch search;

	@BeforeAll
	void indexLessons() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/overdue.md", TestContent.lesson("Overdue", "kestrel", "review-by: 2026-03-01"));
		content.write("lessons/due-today.md", TestContent.lesson("Due today", "kestrel", "review-by: 2026-06-01",
				"levels: [structural]"));
		content.write("lessons/not-yet.md", TestContent.lesson("Not yet", "kestrel", "review-by: 2026-12-31"));
		content.write("lessons/never.md", TestContent.lesson("Never", "kestrel"));
		content.write("lessons/other-words.md", TestContent.lesson("Other words", "osprey", "review-by: 2025-05-05"));
		content.write("lessons/members-overdue.md", TestContent.lesson("Members overdue", "kestrel",
				"review-by: 2025-01-01", "visibility: members"));
		Taxonomy taxonomy = content.taxonomy();
		index = new SearchIndex(dir.resolve("index"), taxonomy);
		new ContentIndexer(index, content.loader(), taxonomy.fingerprint()).sync();
		search = new FacetedSearch(index, new FacetLabels(taxonomy));
	}

	@AfterAll
	void close() {
		index.close();
	}

	private SearchResults run(SearchRequest request, Audience audience) {
		return search.search(request, audience);
	}

	private static List<String> titles(SearchResults results) {
		return results.hits().stream().map(h -> h.document().document().title()).sorted().toList();
	}

	@Test
	void dueOnlyFindsDocumentsWhoseReviewByDayHasComeIncludingToday() {
		SearchResults results = run(SearchRequest.of("").withReview(DUE_ONLY), Audience.MEMBERS);

		assertThat(titles(results)).containsExactly("Due today", "Members overdue", "Other words", "Overdue");
		assertThat(results.total()).isEqualTo(4);
		assertThat(results.reviewDueCount()).hasValue(4);
	}

	@Test
	void dueOnlyComposesWithTheQueryAFacetFilterAndTheAccessFilter() {
		SearchRequest request = SearchRequest.of("kestrel").withFilter(Facet.LEVEL, "semantic").withReview(DUE_ONLY);

		SearchResults anonymous = run(request, Audience.PUBLIC);
		SearchResults members = run(request, Audience.MEMBERS);

		assertThat(titles(anonymous)).containsExactly("Overdue");
		assertThat(anonymous.reviewDueCount()).hasValue(1);
		assertThat(titles(members)).containsExactly("Members overdue", "Overdue");
		assertThat(members.reviewDueCount()).hasValue(2);
	}

	@Test
	void facetCountsCountOnlyTheDueDocumentsWhenTheFilterIsOn() {
		SearchResults results = run(SearchRequest.of("kestrel").withReview(DUE_ONLY), Audience.PUBLIC);

		assertThat(results.facet(Facet.LEVEL).orElseThrow().values())
			.extracting(SearchResults.FacetValue::id, SearchResults.FacetValue::count)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("semantic", 1L),
					org.assertj.core.groups.Tuple.tuple("structural", 1L));
	}

	@Test
	void theFacetShownButNotTickedFindsEverythingAndCountsTheDueAmongTheMatches() {
		SearchRequest request = SearchRequest.of("kestrel").withFilter(Facet.LEVEL, "semantic").withReview(SHOWN);

		SearchResults results = run(request, Audience.PUBLIC);

		assertThat(titles(results)).containsExactly("Never", "Not yet", "Overdue");
		assertThat(results.reviewDueCount()).hasValue(1);
	}

	@Test
	void theDayBeforeAReviewByDayTheDocumentIsNotYetDue() {
		SearchRequest request = SearchRequest.of("")
			.withReview(SearchRequest.Review.forEditor(LocalDate.of(2026, 5, 31), true));

		assertThat(titles(run(request, Audience.PUBLIC))).containsExactly("Other words", "Overdue");
	}

	@Test
	void withoutTheReviewFacetNothingIsCountedOrFiltered() {
		SearchResults results = run(SearchRequest.of("kestrel"), Audience.PUBLIC);

		assertThat(results.total()).isEqualTo(4);
		assertThat(results.reviewDueCount()).isEmpty();
	}

	@Test
	void theFilterCannotBeOnWithoutTheFacetShown() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SearchRequest.Review(false, true, TODAY));
	}
}
