package uk.interop.kb.search.index;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up check reads a segment's files in full only when one of them was written since it was
 * last verified: at a million documents, reading every file at every start took 11 seconds.
 */
class VerifiedFilesTests {

	@TempDir
	Path dir;

	private TestContent content;
	private Taxonomy taxonomy;

	private Path index() {
		return dir.resolve("index");
	}

	/** Builds the index of 30 lessons and starts on it once, which verifies every file. */
	private void builtAndStartedOnce() {
		content = new TestContent(dir.resolve("content"));
		for (int i = 0; i < 30; i++) {
			content.write("lessons/l" + i + ".md", TestContent.lesson("Lesson " + i, "kestrel number " + i));
		}
		taxonomy = content.taxonomy();
		try (SearchIndex index = new SearchIndex(index(), taxonomy)) {
			new ContentIndexer(index, content.loader(), taxonomy.fingerprint()).sync();
		}
		try (SearchIndex index = new SearchIndex(index(), taxonomy)) {
			assertThat(index.damageFoundAtStart()).isEmpty();
		}
	}

	private Set<String> recorded() throws IOException {
		Set<String> names = new TreeSet<>();
		for (String line : Files.readAllLines(index().resolve(VerifiedFiles.NAME))) {
			names.add(line.substring(0, line.indexOf('\t')));
		}
		return names;
	}

	private Set<String> committed() throws IOException {
		try (var directory = FSDirectory.open(index())) {
			return new TreeSet<>(SegmentInfos.readLatestCommit(directory).files(true));
		}
	}

	private static void flipMiddleByte(Path file) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.seek(raf.length() / 2);
			int b = raf.read();
			raf.seek(raf.length() / 2);
			raf.write(b ^ 0xff);
		}
	}

	private Path largestSegmentFile(Set<String> among) throws IOException {
		try (Stream<Path> files = Files.list(index())) {
			return files.filter(p -> p.getFileName().toString().startsWith("_"))
				.filter(p -> among.contains(p.getFileName().toString()))
				.max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
		}
	}

	@Test
	void aCleanCheckRecordsEveryFileOfTheCommitWithItsStamp() throws Exception {
		builtAndStartedOnce();

		assertThat(recorded()).isEqualTo(committed());
		assertThat(index().resolve(VerifiedFiles.NAME + ".tmp")).doesNotExist();
	}

	@Test
	void aVerifiedFileWrittenSinceIsReadAgainAndItsDamageFound() throws Exception {
		builtAndStartedOnce();
		flipMiddleByte(largestSegmentFile(committed()));

		try (SearchIndex index = new SearchIndex(index(), taxonomy)) {
			assertThat(index.damageFoundAtStart()).isPresent();
		}
	}

	@Test
	void aSegmentWrittenAfterTheLastCheckIsReadWhileTheVerifiedOnesAreNot() throws Exception {
		builtAndStartedOnce();
		Set<String> before = committed();
		try (SearchIndex index = new SearchIndex(index(), taxonomy)) {
			content.write("lessons/new.md", TestContent.lesson("A new lesson", "osprey ".repeat(400)));
			new ContentIndexer(index, content.loader(), taxonomy.fingerprint()).sync();
		}
		Set<String> written = new TreeSet<>(committed());
		written.removeAll(before);
		assertThat(written).as("the sync wrote a new segment").anyMatch(name -> name.startsWith("_"));
		flipMiddleByte(largestSegmentFile(written));

		try (SearchIndex index = new SearchIndex(index(), taxonomy)) {
			assertThat(index.damageFoundAtStart()).isPresent();
		}
	}

	@Test
	void aFileUnchangedSinceItWasVerifiedIsNotReadAgainAndOneTouchedSinceIs() throws Exception {
		builtAndStartedOnce();
		SegmentInfos commit;
		try (var directory = FSDirectory.open(index())) {
			commit = SegmentInfos.readLatestCommit(directory);
		}
		assertThat(VerifiedFiles.in(index()).unverifiedSegments(commit)).isEmpty();

		Path file = largestSegmentFile(committed());
		Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));
		String segment = file.getFileName().toString().substring(0, file.getFileName().toString().indexOf('.'));
		assertThat(VerifiedFiles.in(index()).unverifiedSegments(commit)).containsExactly(segment);
	}

	@Test
	void damageInAVerifiedFileThatTheWriterMeetsIsMovedAsideAndRebuiltLikeAnyOther() throws Exception {
		builtAndStartedOnce();
		// The file looks as verified (its stamp is unchanged), but the writer finds it damaged on opening.
		java.util.concurrent.atomic.AtomicBoolean damaged = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.function.Function<Path, org.apache.lucene.store.Directory> directories = path -> {
			try {
				return new org.apache.lucene.store.FilterDirectory(FSDirectory.open(path)) {
					@Override
					public org.apache.lucene.store.IndexInput openInput(String name,
							org.apache.lucene.store.IOContext context) throws IOException {
						if (name.startsWith("_") && damaged.getAndSet(false)) {
							throw new org.apache.lucene.index.CorruptIndexException("checksum failed", name);
						}
						return super.openInput(name, context);
					}
				};
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		};

		try (SearchIndex index = new SearchIndex(index(), taxonomy, Embeddings.NONE, directories)) {
			assertThat(index.damageFoundAtStart()).hasValueSatisfying(reason -> assertThat(reason).contains("checksum"));
			new ContentIndexer(index, content.loader(), taxonomy.fingerprint()).sync();
			assertThat(index.documentCount()).isEqualTo(30);
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("index.corrupt-"));
		}
	}

	@Test
	void anUnreadableRecordMeansEveryFileIsChecked() throws Exception {
		builtAndStartedOnce();
		Path file = largestSegmentFile(committed());
		FileTime written = Files.getLastModifiedTime(file);
		flipMiddleByte(file);
		Files.setLastModifiedTime(file, written);
		Files.write(index().resolve(VerifiedFiles.NAME), List.of(file.getFileName() + "\tnot a stamp", "garbage"));

		try (SearchIndex index = new SearchIndex(index(), taxonomy)) {
			assertThat(index.damageFoundAtStart()).as(file + " was read").isPresent();
		}
	}
}
