package uk.interop.kb.search.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.IndexUnavailableException;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.support.Tmpfs;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index on a real, small filesystem (a tmpfs) that is filled up: reading goes on, writes are
 * refused with a clear reason, health says DEGRADED, and once space returns the index recovers by
 * itself with nothing lost.
 */
class FullDiskTests {

	@TempDir
	Path temp;

	private Tmpfs disk;
	private TestContent content;
	private Taxonomy taxonomy;

	@BeforeEach
	void mount() {
		disk = Tmpfs.mount(temp.resolve("disk"), 24);
		content = new TestContent(temp.resolve("content"));
		for (int i = 0; i < 30; i++) {
			content.write("lessons/l" + i + ".md", TestContent.lesson("Lesson " + i, "kestrel number " + i));
		}
		taxonomy = content.taxonomy();
	}

	@AfterEach
	void unmount() {
		if (disk != null) {
			disk.close();
		}
	}

	@Test
	void aFullDiskRefusesWritesBeforeTheyAreTriedAndReadingGoesOn() throws Exception {
		try (SearchIndex index = new SearchIndex(disk.dir().resolve("index"), taxonomy)) {
			ContentIndexer indexer = new ContentIndexer(index, content.loader(), taxonomy.fingerprint());
			indexer.sync();
			FacetedSearch search = new FacetedSearch(index, new FacetLabels(taxonomy));
			IndexHealthIndicator health = new IndexHealthIndicator(index);
			assertThat(index.writable()).isTrue();

			Path filler = disk.fill();

			assertThat(index.writable()).isFalse();
			assertThat(index.writeProblem()).hasValueSatisfying(p -> assertThat(p).contains("disk is full"));
			SourceDocument extra = parsed(content, "extra");
			assertThatThrownBy(() -> index.upsert(extra)).isInstanceOf(IndexUnavailableException.class)
				.hasMessageContaining("disk is full");
			assertThat(index.needsReopen()).as("the writer was never driven into failure").isFalse();
			assertThat(search.search(SearchRequest.of("kestrel"), Audience.PUBLIC).total()).isEqualTo(30);
			assertThat(new DocumentListing(index).document("lessons/l7", Audience.PUBLIC)).isPresent();
			assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");
			assertThat(health.health().getDetails()).containsEntry("writes", "refused");

			Files.delete(filler);

			assertThat(index.writable()).isTrue();
			index.waitFor(index.upsert(extra));
			assertThat(search.search(SearchRequest.of("osprey"), Audience.PUBLIC).total()).isEqualTo(1);
			assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		}
	}

	/**
	 * With no margin, Lucene itself meets the full disk and the writer fails for real: reading goes
	 * on from the last good searcher, recovery waits for space, then reopens and catches up by itself.
	 */
	@Test
	void aWriterThatFailsOnAFullDiskKeepsReadingAndRecoversWhenSpaceReturns() throws Exception {
		Path dir = disk.dir().resolve("index");
		try (SearchIndex index = new SearchIndex(dir, taxonomy, Embeddings.NONE, FullDiskTests::open, 0)) {
			ContentIndexer indexer = new ContentIndexer(index, content.loader(), taxonomy.fingerprint());
			indexer.sync();
			FacetedSearch search = new FacetedSearch(index, new FacetLabels(taxonomy));
			IndexRecovery recovery = new IndexRecovery(index, indexer);
			IndexHealthIndicator health = new IndexHealthIndicator(index);

			// The disk is full; index large documents until Lucene has to write them out, and cannot.
			Path filler = disk.fill();
			RuntimeException failure = null;
			Random random = new Random(20);
			for (int i = 0; i < 200 && failure == null; i++) {
				try {
					index.upsert(parsed(content, "big" + i, randomWords(random, 20_000)));
					if (i % 5 == 4) {
						index.commit(Map.of());
					}
				}
				catch (RuntimeException ex) {
					failure = ex;
				}
			}
			assertThat(failure).as("Lucene met the full disk").isNotNull();
			assertThat(index.needsReopen()).isTrue();
			assertThat(index.writeProblem()).hasValueSatisfying(p -> assertThat(p).startsWith("the index writer failed"));

			assertThat(search.search(SearchRequest.of("kestrel"), Audience.PUBLIC).total())
				.as("reads go on from the last good searcher").isEqualTo(30);
			assertThat(new DocumentListing(index).document("lessons/l3", Audience.PUBLIC)).isPresent();
			assertThat(index.documentCount()).isGreaterThanOrEqualTo(30);
			assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");

			// Still full: recovery waits rather than reopening on the last commit.
			recovery.check();
			assertThat(index.needsReopen()).isTrue();
			assertThat(search.search(SearchRequest.of("kestrel"), Audience.PUBLIC).total()).isEqualTo(30);

			Files.delete(filler);
			recovery.check();

			assertThat(index.needsReopen()).isFalse();
			assertThat(index.degraded()).isEmpty();
			assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
			assertThat(search.search(SearchRequest.of("kestrel"), Audience.PUBLIC).total()).isEqualTo(30);
		}
		try (FSDirectory directory = FSDirectory.open(dir); CheckIndex check = new CheckIndex(directory)) {
			assertThat(check.checkIndex().clean).isTrue();
		}
	}

	private static org.apache.lucene.store.Directory open(Path path) {
		try {
			Files.createDirectories(path);
			return FSDirectory.open(path);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static SourceDocument parsed(TestContent content, String name) {
		return parsed(content, name, "osprey " + name);
	}

	private static SourceDocument parsed(TestContent content, String name, String body) {
		Path file = content.write("extra/" + name + ".md", TestContent.lesson("Extra " + name, body));
		try {
			var loaded = content.loader().scan(new ArrayList<>()).stream()
				.filter(f -> f.path().endsWith(file.getFileName().toString())).findFirst().orElseThrow();
			return content.loader().parse(loaded, new ArrayList<>()).orElseThrow();
		}
		finally {
			content.delete("extra/" + name + ".md");
		}
	}

	private static String randomWords(Random random, int words) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			for (int c = 0; c < 3 + random.nextInt(6); c++) {
				text.append((char) ('a' + random.nextInt(26)));
			}
			text.append(' ');
		}
		return text.toString();
	}
}
