package uk.interop.kb.search.index;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.SearchResults;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

class ContentIndexerTests {

	@TempDir
	Path dir;

	private record Setup(TestContent content, SearchIndex index, ContentIndexer indexer, FacetedSearch search) {
	}

	private Setup open(TestContent content) {
		Taxonomy taxonomy = content.taxonomy();
		SearchIndex index = new SearchIndex(dir.resolve("index"), taxonomy);
		return new Setup(content, index, new ContentIndexer(index, content.loader(), taxonomy.fingerprint()),
				new FacetedSearch(index, new FacetLabels(taxonomy)));
	}

	@Test
	void anEmptyIndexAndEmptyContentFolderStillSearch() {
		Setup s = open(new TestContent(dir.resolve("content")));

		ContentIndexer.SyncReport report = s.indexer().sync();
		SearchResults results = s.search().search(SearchRequest.of("anything").withFilter(Facet.LEVEL, "semantic"),
				Audience.MEMBERS);

		assertThat(report.added()).isZero();
		assertThat(results.total()).isZero();
		assertThat(results.facet(Facet.LEVEL).orElseThrow().values()).singleElement()
			.satisfies(v -> assertThat(v.selected()).isTrue());
		assertThat(new DocumentListing(s.index()).latest(Audience.PUBLIC, 5, java.util.Set.of())).isEmpty();
		s.index().close();
	}

	@Test
	void startUpReindexesOnlyChangedFilesAndDeletesRemovedOnes() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "alpha"));
		content.write("lessons/two.md", TestContent.lesson("Two", "bravo"));
		content.write("lessons/three.md", TestContent.lesson("Three", "charlie"));
		Setup first = open(content);
		assertThat(first.indexer().sync().rebuilt()).isTrue();
		first.index().close();

		content.write("lessons/two.md", TestContent.lesson("Two", "delta"));
		content.delete("lessons/three.md");
		content.write("lessons/four.md", TestContent.lesson("Four", "echo"));
		Setup second = open(content);
		ContentIndexer.SyncReport report = second.indexer().sync();

		assertThat(report).extracting(ContentIndexer.SyncReport::added, ContentIndexer.SyncReport::updated,
				ContentIndexer.SyncReport::deleted, ContentIndexer.SyncReport::unchanged)
			.containsExactly(1, 1, 1, 1);
		assertThat(second.search().search(SearchRequest.of("delta"), Audience.PUBLIC).total()).isEqualTo(1);
		assertThat(second.search().search(SearchRequest.of("bravo"), Audience.PUBLIC).total()).isZero();
		assertThat(second.search().search(SearchRequest.of("charlie"), Audience.PUBLIC).total()).isZero();
		assertThat(second.search().search(SearchRequest.of("echo"), Audience.PUBLIC).total()).isEqualTo(1);
		second.index().close();
	}

	@Test
	void aFileThatStopsParsingLeavesTheIndex() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "foxtrot"));
		Setup first = open(content);
		first.indexer().sync();
		first.index().close();

		content.write("lessons/one.md", "---\ntitle: [broken\n---\nfoxtrot\n");
		Setup second = open(content);
		second.indexer().sync();

		assertThat(second.search().search(SearchRequest.of("foxtrot"), Audience.PUBLIC).total()).isZero();
		second.index().close();
	}

	@Test
	void aTaxonomyChangeRebuildsTheWholeIndex() throws Exception {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "golf"));
		Setup first = open(content);
		first.indexer().sync();
		first.index().close();

		Path synonyms = content.root().resolve("taxonomy/synonyms.txt");
		Files.writeString(synonyms, Files.readString(synonyms) + "\ngolf, hotel\n");
		Setup second = open(content);
		ContentIndexer.SyncReport report = second.indexer().sync();

		assertThat(report.rebuilt()).isTrue();
		assertThat(second.search().search(SearchRequest.of("hotel"), Audience.PUBLIC).total()).isEqualTo(1);
		second.index().close();
	}

	@Test
	void deletingTheIndexFolderIsSafe() throws Exception {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "india"));
		Setup first = open(content);
		first.indexer().sync();
		first.index().close();

		org.springframework.util.FileSystemUtils.deleteRecursively(dir.resolve("index"));
		Setup second = open(content);
		second.indexer().sync();

		assertThat(second.search().search(SearchRequest.of("india"), Audience.PUBLIC).total()).isEqualTo(1);
		second.index().close();
	}
	@Test
	void aFileWithTheSizeAndTimeItWasIndexedWithIsNotReadAgainButAReindexReadsIt() throws Exception {
		TestContent content = new TestContent(dir.resolve("content"));
		Path one = content.write("lessons/one.md", TestContent.lesson("One", "kilo"));
		Setup first = open(content);
		first.indexer().sync();
		first.index().close();

		// Same size, same modification time, same file: the start-up check trusts the stamp (a documented trade-off).
		java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(one);
		Files.writeString(one, TestContent.lesson("One", "lima"));
		Files.setLastModifiedTime(one, written);
		Setup second = open(content);
		ContentIndexer.SyncReport report = second.indexer().sync();

		assertThat(report.unchanged()).isEqualTo(1);
		assertThat(second.search().search(SearchRequest.of("kilo"), Audience.PUBLIC).total()).isEqualTo(1);

		second.indexer().rebuild(done -> {
		});
		assertThat(second.search().search(SearchRequest.of("lima"), Audience.PUBLIC).total()).isEqualTo(1);
		assertThat(second.search().search(SearchRequest.of("kilo"), Audience.PUBLIC).total()).isZero();
		second.index().close();
	}

	@Test
	void aTouchedFileIsCountedUnchangedAndItsNewStampKept() throws Exception {
		TestContent content = new TestContent(dir.resolve("content"));
		Path one = content.write("lessons/one.md", TestContent.lesson("One", "mike"));
		Setup first = open(content);
		first.indexer().sync();
		first.index().close();

		Files.setLastModifiedTime(one, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(one).toMillis() + 60_000));
		Setup second = open(content);
		ContentIndexer.SyncReport touched = second.indexer().sync();
		ContentIndexer.SyncReport again = second.indexer().sync();

		assertThat(touched).extracting(ContentIndexer.SyncReport::added, ContentIndexer.SyncReport::updated,
				ContentIndexer.SyncReport::unchanged)
			.containsExactly(0, 0, 1);
		var entry = content.loader().list(new java.util.ArrayList<>()).get(0);
		assertThat(second.index().storedSyncKeys(uk.interop.kb.content.SourceDocument.Origin.FILE).get(entry.id()).fileStamp())
			.as("the stamp recorded for the touched file")
			.isEqualTo(entry.stamp());
		assertThat(again.unchanged()).isEqualTo(1);
		second.index().close();
	}

	@Test
	void aRebuildReadsEveryFileOnEveryCoreAndReportsProblemsInPathOrder() {
		TestContent content = new TestContent(dir.resolve("content"));
		for (int i = 0; i < 60; i++) {
			content.write("lessons/l" + i + ".md", TestContent.lesson("Lesson " + i, "november word" + i));
		}
		content.write("lessons/z-broken.md", "---\ntitle: [broken\n---\n");
		content.write("lessons/a-broken.md", "---\ntitle: [broken\n---\n");
		Setup s = open(content);
		java.util.concurrent.atomic.AtomicInteger progress = new java.util.concurrent.atomic.AtomicInteger();

		ContentIndexer.SyncReport report = s.indexer().rebuild(done -> progress.accumulateAndGet(done, Math::max));

		assertThat(report.added()).isEqualTo(60);
		assertThat(progress.get()).as("progress reaches every file").isEqualTo(62);
		assertThat(s.search().search(SearchRequest.of("november"), Audience.PUBLIC).total()).isEqualTo(60);
		for (int i = 0; i < 60; i++) {
			assertThat(s.search().search(SearchRequest.of("word" + i), Audience.PUBLIC).total()).as("word" + i).isEqualTo(1);
		}
		assertThat(report.problems()).extracting(p -> p.path().toString())
			.isSortedAccordingTo(java.util.Comparator.naturalOrder())
			.anyMatch(path -> path.endsWith("a-broken.md"))
			.anyMatch(path -> path.endsWith("z-broken.md"));
		s.index().close();
	}

	@Test
	void searchesSeeTheOldIndexWholeUntilARebuildIsPublished() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "oscar"));
		content.write("lessons/two.md", TestContent.lesson("Two", "papa"));
		Setup s = open(content);
		s.indexer().sync();
		var documents = content.loader().loadAll().documents();
		var papa = documents.stream().filter(d -> d.document().title().equals("Two")).findFirst().orElseThrow();

		try (SearchIndex.Rebuild rebuild = s.index().startRebuild()) {
			rebuild.add(papa, "");
			assertThat(s.search().search(SearchRequest.of("oscar"), Audience.PUBLIC).total()).as("before publishing")
				.isEqualTo(1);
			assertThat(Files.isDirectory(dir.resolve("index.rebuild"))).as("built beside the live index").isTrue();

			rebuild.publish(java.util.Map.of("kb.test", "published"));
		}

		assertThat(s.search().search(SearchRequest.of("oscar"), Audience.PUBLIC).total()).isZero();
		assertThat(s.search().search(SearchRequest.of("papa"), Audience.PUBLIC).total()).isEqualTo(1);
		assertThat(s.index().commitData()).containsEntry("kb.test", "published")
			.containsKey(ContentIndexer.SCHEMA_KEY);
		assertThat(dir.resolve("index.rebuild")).doesNotExist();
		s.index().close();
	}

	@Test
	void anAbandonedRebuildLeavesTheLiveIndexAsItWasAndNoSideFolder() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("lessons/one.md", TestContent.lesson("One", "quebec"));
		Setup s = open(content);
		s.indexer().sync();

		try (SearchIndex.Rebuild rebuild = s.index().startRebuild()) {
			rebuild.add(content.loader().loadAll().documents().get(0), "");
			// Closed without publishing, as when a rebuild fails half way.
		}

		assertThat(s.search().search(SearchRequest.of("quebec"), Audience.PUBLIC).total()).isEqualTo(1);
		assertThat(dir.resolve("index.rebuild")).doesNotExist();
		s.index().close();

		Setup reopened = open(content);
		assertThat(reopened.indexer().sync().rebuilt()).as("the live index kept its schema").isFalse();
		reopened.index().close();
	}
}
