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
import uk.interop.kb.search.index.Ranking;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.search.index.SentenceEmbeddings;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' "due for review" filter on the hybrid path, with the real embedding model: documents found only by
 * meaning (no word of the query in them) are kept to the due ones like lexical matches are, and the count of due
 * matches includes them. {@link ReviewDueSearchTests} covers the lexical path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewDueSemanticSearchTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
	private static final SearchRequest.Review SHOWN = SearchRequest.Review.forEditor(TODAY, false);
	private static final SearchRequest.Review DUE_ONLY = SearchRequest.Review.forEditor(TODAY, true);
	private static final String QUERY = "firefighters and police officers unable to talk on their radios";

	@TempDir
	static Path dir;

	private SearchIndex index;
	private Taxonomy taxonomy;

	@BeforeAll
	void indexLessons() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/words-overdue.md", TestContent.lesson("Radios for firefighters and police officers",
				"Firefighters and police officers could not talk because their radios were different.",
				"review-by: 2026-03-01"));
		content.write("lessons/words-not-yet.md", TestContent.lesson("Police officers and their radios",
				"Police officers were unable to talk to firefighters on their radios.", "review-by: 2026-12-31"));
		content.write("lessons/meaning-overdue.md", TestContent.lesson("Handsets tuned to separate channels",
				"Crews from the fire brigade could not speak with constables at the scene: each service's handsets sat"
						+ " on a channel of its own.",
				"review-by: 2025-11-30"));
		content.write("lessons/meaning-not-yet.md", TestContent.lesson("A shared talkgroup at the scene",
				"Fire crews and constables spoke with one another over a shared talkgroup on their handsets during"
						+ " the incident.",
				"review-by: 2027-01-31"));
		content.write("lessons/unrelated-overdue.md", TestContent.lesson("Budget cycles for case management",
				"Annual budgets for a court case management system were set before the contract was signed.",
				"review-by: 2025-01-01"));
		taxonomy = content.taxonomy();
		SentenceEmbeddings.Loaded embeddings = SentenceEmbeddings.load(Path.of("target/test-embeddings"));
		assertThat(embeddings.problem()).as("the embedding model loads here").isEmpty();
		index = new SearchIndex(dir.resolve("index"), taxonomy, embeddings.embeddings());
		new ContentIndexer(index, content.loader(), taxonomy.fingerprint()).sync();
	}

	@AfterAll
	void close() {
		index.close();
	}

	private SearchResults run(Ranking ranking, SearchRequest.Review review) {
		return new FacetedSearch(index, new FacetLabels(taxonomy), ranking).search(SearchRequest.of(QUERY)
			.withReview(review), Audience.PUBLIC);
	}

	private static List<String> titles(SearchResults results) {
		return results.hits().stream().map(h -> h.document().document().title()).sorted().toList();
	}

	@Test
	void withoutTheFilterMeaningFindsWhatTheWordsDoNot() {
		assertThat(titles(run(Ranking.DEFAULT.withSemantic(false), SHOWN)))
			.containsExactly("Police officers and their radios", "Radios for firefighters and police officers");
		assertThat(titles(run(Ranking.DEFAULT, SHOWN))).contains("Handsets tuned to separate channels",
				"A shared talkgroup at the scene");
	}

	@Test
	void dueOnlyKeepsMeaningMatchesToTheDueDocuments() {
		SearchResults results = run(Ranking.DEFAULT, DUE_ONLY);

		assertThat(titles(results)).contains("Handsets tuned to separate channels",
				"Radios for firefighters and police officers")
			.doesNotContain("A shared talkgroup at the scene", "Police officers and their radios")
			.doesNotContain("Budget cycles for case management");
		assertThat(results.total()).isEqualTo(results.hits().size());
		assertThat(results.reviewDueCount()).hasValue(results.total());
	}

	@Test
	void theCountOfDueMatchesIncludesThoseFoundByMeaning() {
		SearchResults shown = run(Ranking.DEFAULT, SHOWN);
		SearchResults due = run(Ranking.DEFAULT, DUE_ONLY);

		assertThat(shown.reviewDueCount()).hasValue(due.total());
		assertThat(shown.total()).isGreaterThan(due.total());
	}
}
