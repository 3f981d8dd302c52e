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
}
