package uk.interop.kb.search.index;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.content.Visibility;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentSource;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents held in the database survive rebuilds and are brought in step at start-up, next to the files. */
class DocumentSourceIndexingTests {

	@TempDir
	Path dir;

	/** A database in a list: what a feature's source returns is all the indexer needs. */
	private static final class Held implements DocumentSource {
		final List<SourceDocument> documents = new ArrayList<>();
		int fullReads;

		@Override
		public List<SourceDocument> documents() {
			fullReads++;
			return List.copyOf(documents);
		}

		@Override
		public java.util.Map<String, String> contentHashes() {
			java.util.Map<String, String> hashes = new java.util.LinkedHashMap<>();
			documents.forEach(d -> hashes.put(d.document().id(), d.contentHash()));
			return hashes;
		}
	}

	private record Setup(SearchIndex index, ContentIndexer indexer, FacetedSearch search) {
	}

	private Setup open(TestContent content, Held held) {
		Taxonomy taxonomy = content.taxonomy();
		SearchIndex index = new SearchIndex(dir.resolve("index"), taxonomy);
		return new Setup(index, new ContentIndexer(index, content.loader(), taxonomy.fingerprint(), List.of(held)),
				new FacetedSearch(index, new FacetLabels(taxonomy)));
	}

	private static SourceDocument held(String id, String word) {
		String markdown = "A " + word + " problem.";
		Document document = new Document(id, "Held " + word, "problem-book-entry", "About " + word, List.of("semantic"),
				List.of("data-quality"), List.of(), List.of(), "", List.of(), LocalDate.of(2026, 5, 1), List.of(),
				Visibility.PUBLIC, "", false, "PB-900", "proposed");
		return new SourceDocument(document, markdown, new MarkdownRenderer().render(markdown), "hash-" + word,
				SourceDocument.Origin.DATABASE);
	}

	private static long hits(Setup s, String word) {
		return s.search().search(SearchRequest.of(word), Audience.MEMBERS).total();
	}

	@Test
	void theUnindexedCountIsExactlyTheDatabaseDocumentsMissingStaleOrUnwantedAndReadsHashesOnly() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "alpha"));
		Held held = new Held();
		held.documents.add(held("problem-book/pb-905-a", "quokka"));
		held.documents.add(held("problem-book/pb-906-b", "numbat"));
		Setup s = open(content, held);
		s.indexer().sync();
		int reads = held.fullReads;
		assertThat(s.indexer().unindexedChanges()).isZero();

		held.documents.set(0, held("problem-book/pb-905-a", "wallaby"));
		held.documents.add(held("problem-book/pb-907-c", "dingo"));
		assertThat(s.indexer().unindexedChanges()).as("one stale, one missing").isEqualTo(2);
		held.documents.remove(1);
		assertThat(s.indexer().unindexedChanges()).as("and one indexed that no source wants").isEqualTo(3);

		assertThat(held.fullReads).as("no document was read whole, so none was rendered").isEqualTo(reads);
		s.indexer().sync();
		assertThat(s.indexer().unindexedChanges()).isZero();
		s.index().close();
	}

	@Test
	void aRebuildPutsDatabaseDocumentsBackAfterDeletingEverything() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "alpha"));
		Held held = new Held();
		held.documents.add(held("problem-book/pb-900-x", "quokka"));
		Setup s = open(content, held);
		s.indexer().sync();
		assertThat(hits(s, "quokka")).isEqualTo(1);

		ContentIndexer.SyncReport report = s.indexer().rebuild(done -> {
		});

		assertThat(report.added()).isEqualTo(2);
		assertThat(hits(s, "quokka")).isEqualTo(1);
		assertThat(hits(s, "alpha")).isEqualTo(1);
		s.index().close();
	}

	@Test
	void startUpAddsChangedAndMissingDatabaseDocumentsAndDeletesThoseNoSourceHolds() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "alpha"));
		Held held = new Held();
		held.documents.add(held("problem-book/pb-901-a", "quokka"));
		held.documents.add(held("problem-book/pb-902-b", "numbat"));
		held.documents.add(held("problem-book/pb-903-c", "bilby"));
		Setup first = open(content, held);
		first.indexer().sync();
		first.index().close();

		held.documents.set(1, held("problem-book/pb-902-b", "wallaby"));
		held.documents.remove(2);
		held.documents.add(held("problem-book/pb-904-d", "dingo"));
		Setup second = open(content, held);
		ContentIndexer.SyncReport report = second.indexer().sync();

		// One file and one database document unchanged; one database document each added, updated, deleted.
		assertThat(report).extracting(ContentIndexer.SyncReport::added, ContentIndexer.SyncReport::updated,
				ContentIndexer.SyncReport::deleted, ContentIndexer.SyncReport::unchanged)
			.containsExactly(1, 1, 1, 2);
		assertThat(hits(second, "quokka")).isEqualTo(1);
		assertThat(hits(second, "wallaby")).isEqualTo(1);
		assertThat(hits(second, "numbat")).isZero();
		assertThat(hits(second, "bilby")).isZero();
		assertThat(hits(second, "dingo")).isEqualTo(1);
		assertThat(hits(second, "alpha")).isEqualTo(1);
		second.index().close();
	}

	@Test
	void anIndexWithoutTheSourceLosesItsDatabaseDocumentsButNeverItsFiles() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "alpha"));
		Held held = new Held();
		held.documents.add(held("problem-book/pb-905-e", "quokka"));
		Setup first = open(content, held);
		first.indexer().sync();
		first.index().close();

		Setup second = open(content, new Held());
		second.indexer().sync();

		assertThat(hits(second, "quokka")).isZero();
		assertThat(hits(second, "alpha")).isEqualTo(1);
		second.index().close();
	}

	@Test
	void aDatabaseDocumentWithTheIdOfAFileNeverReplacesTheFile() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "alpha"));
		Held held = new Held();
		held.documents.add(held("lessons/one", "quokka"));
		Setup s = open(content, held);

		s.indexer().sync();
		s.indexer().rebuild(done -> {
		});
		ContentIndexer.SyncReport again = s.indexer().sync();

		assertThat(hits(s, "alpha")).isEqualTo(1);
		assertThat(hits(s, "quokka")).isZero();
		assertThat(again.added() + again.updated() + again.deleted()).isZero();
		s.index().close();
	}
}
