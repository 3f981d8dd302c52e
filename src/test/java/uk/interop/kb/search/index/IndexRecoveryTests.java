package uk.interop.kb.search.index;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.search.Audience;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A damaged index at start-up, and a writer that fails at run time, both end in a working index. */
class IndexRecoveryTests {

	@TempDir
	Path dir;

	private TestContent content() {
		TestContent content = new TestContent(dir.resolve("content"));
		for (int i = 0; i < 30; i++) {
			content.write("lessons/l" + i + ".md", TestContent.lesson("Lesson " + i, "kestrel number " + i));
		}
		return content;
	}

	private Path built(TestContent content) {
		Taxonomy taxonomy = content.taxonomy();
		try (SearchIndex index = new SearchIndex(dir.resolve("index"), taxonomy)) {
			new ContentIndexer(index, content.loader(), taxonomy.fingerprint()).sync();
		}
		return dir.resolve("index");
	}

	/** Opens the index as the app does at start-up and checks it serves every document. */
	private SearchIndex startAndCheck(TestContent content) {
		Taxonomy taxonomy = content.taxonomy();
		SearchIndex index = new SearchIndex(dir.resolve("index"), taxonomy);
		new ContentIndexer(index, content.loader(), taxonomy.fingerprint()).sync();
		assertThat(new FacetedSearch(index, new FacetLabels(taxonomy)).search(SearchRequest.of("kestrel"), Audience.PUBLIC).total())
			.isEqualTo(30);
		assertThat(index.problem()).isEmpty();
		return index;
	}

	private List<Path> asideFolders() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> p.getFileName().toString().startsWith("index.corrupt-")).toList();
		}
	}

	private static Path largest(Path index, String prefix) throws IOException {
		try (Stream<Path> files = Files.list(index)) {
			return files.filter(p -> p.getFileName().toString().startsWith(prefix))
				.max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
		}
	}

	@Test
	void aSegmentFileWithFlippedBytesIsMovedAsideAndTheIndexRebuilt() throws Exception {
		TestContent content = content();
		Path segment = largest(built(content), "_");
		try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
			file.seek(file.length() / 2);
			int b = file.read();
			file.seek(file.length() / 2);
			file.write(b ^ 0xff);
		}

		try (SearchIndex index = startAndCheck(content)) {
			assertThat(index.damageFoundAtStart()).isPresent();
			assertThat(asideFolders()).singleElement()
				.satisfies(aside -> assertThat(aside.resolve(segment.getFileName())).exists());
		}
	}

	@Test
	void aTruncatedSegmentsFileIsDetectedAndTheIndexRebuilt() throws Exception {
		TestContent content = content();
		Path segments = largest(built(content), "segments_");
		try (RandomAccessFile file = new RandomAccessFile(segments.toFile(), "rw")) {
			file.setLength(file.length() / 2);
		}

		try (SearchIndex index = startAndCheck(content)) {
			assertThat(index.damageFoundAtStart()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
			assertThat(asideFolders()).hasSize(1);
		}
	}

	@Test
	void aMissingSegmentsFileIsDetectedAndTheIndexRebuilt() throws Exception {
		TestContent content = content();
		Files.delete(largest(built(content), "segments_"));

		try (SearchIndex index = startAndCheck(content)) {
			assertThat(index.damageFoundAtStart()).contains("index files without a commit: the segments file is missing");
		}
	}

	@Test
	void aHealthyIndexIsLeftWhereItIs() throws Exception {
		TestContent content = content();
		built(content);

		try (SearchIndex index = startAndCheck(content)) {
			assertThat(index.damageFoundAtStart()).isEmpty();
			assertThat(asideFolders()).isEmpty();
		}
	}

	/** A disk that starts failing every write when told to, as a full or failing disk does. */
	static final class FailingDisk extends FilterDirectory {
		final AtomicBoolean failing = new AtomicBoolean();

		FailingDisk(Path path) {
			super(open(path));
		}

		private static Directory open(Path path) {
			try {
				Files.createDirectories(path);
				return FSDirectory.open(path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public IndexOutput createOutput(String name, IOContext context) throws IOException {
			fail(name);
			IndexOutput out = super.createOutput(name, context);
			return new IndexOutput(out.toString(), out.getName()) {
				@Override
				public void writeByte(byte b) throws IOException {
					fail(name);
					out.writeByte(b);
				}

				@Override
				public void writeBytes(byte[] b, int offset, int length) throws IOException {
					fail(name);
					out.writeBytes(b, offset, length);
				}

				@Override
				public long getFilePointer() {
					return out.getFilePointer();
				}

				@Override
				public long getChecksum() throws IOException {
					return out.getChecksum();
				}

				@Override
				public void close() throws IOException {
					out.close();
				}
			};
		}

		@Override
		public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
			fail(prefix);
			return super.createTempOutput(prefix, suffix, context);
		}

		@Override
		public void sync(java.util.Collection<String> names) throws IOException {
			fail("sync");
			super.sync(names);
		}

		private void fail(String name) throws IOException {
			if (failing.get()) {
				throw new IOException("No space left on device (test): " + name);
			}
		}
	}

	@Test
	void aWriterThatFailsIsReportedThenReopenedAndCaughtUp() throws Exception {
		TestContent content = content();
		Taxonomy taxonomy = content.taxonomy();
		FailingDisk[] disk = new FailingDisk[1];
		try (SearchIndex index = new SearchIndex(dir.resolve("index"), taxonomy, uk.interop.kb.search.index.Embeddings.NONE,
				// The live index's disk; a rebuild's side index (next to it) gets a disk of its own.
				path -> path.equals(dir.resolve("index")) ? (disk[0] = new FailingDisk(path)) : new FailingDisk(path))) {
			ContentIndexer indexer = new ContentIndexer(index, content.loader(), taxonomy.fingerprint());
			FacetedSearch search = new FacetedSearch(index, new FacetLabels(taxonomy));
			indexer.sync();
			content.write("lessons/new.md", TestContent.lesson("New", "kestrel osprey"));

			disk[0].failing.set(true);
			assertThatThrownBy(() -> {
				// Index enough to force segment files out, then commit: the disk refuses.
				for (int i = 0; i < 200; i++) {
					index.upsert(content.loader().parse(content.loader().scan(new java.util.ArrayList<>()).get(0),
							new java.util.ArrayList<>()).orElseThrow());
				}
				index.commit(java.util.Map.of());
			}).isInstanceOf(RuntimeException.class);

			assertThat(index.needsReopen()).isTrue();
			assertThat(index.writeProblem()).hasValueSatisfying(p -> assertThat(p).startsWith("the index writer failed"));
			var health = new IndexHealthIndicator(index);
			assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");
			assertThat(health.health().getDetails().get("reason").toString()).contains("No space left on device");
			assertThat(search.search(SearchRequest.of("kestrel"), Audience.PUBLIC).total())
				.as("reads go on from the last good searcher").isEqualTo(30);
			assertThat(new IndexRecovery(index, indexer).recover()).as("recovery while the disk still fails").isFalse();
			assertThat(index.degraded()).isPresent();

			disk[0].failing.set(false);
			assertThat(new IndexRecovery(index, indexer).recover()).isTrue();

			assertThat(index.problem()).isEmpty();
			assertThat(index.degraded()).isEmpty();
			assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
			assertThat(search.search(SearchRequest.of("kestrel"), Audience.PUBLIC).total()).isEqualTo(31);
			assertThat(search.search(SearchRequest.of("osprey"), Audience.PUBLIC).total()).isEqualTo(1);
		}
		try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
				CheckIndex check = new CheckIndex(directory)) {
			assertThat(check.checkIndex().clean).isTrue();
		}
	}
}
