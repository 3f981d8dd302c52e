package uk.interop.kb.search.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the index's files have had their checksums read in full, each with the stamp it had then:
 * size, modification time to the nanosecond and file key (inode). Lucene never rewrites a file in
 * place, so a file whose stamp is unchanged holds the bytes that were verified, and the start-up
 * check reads only segments with a file it has not verified yet. At a million documents that is the
 * difference between reading 10 GB at every start and reading the few segments written since the
 * last one. What it gives up: damage that changes a file's bytes without touching its size, time or
 * inode (bit rot under the file system) is no longer found at start-up; Lucene still verifies
 * checksums whenever it merges a segment, and deleting this file makes the next start check all.
 */
final class VerifiedFiles {

	/** Kept inside the Lucene folder, so moving a damaged index aside takes it too. Lucene leaves it alone. */
	static final String NAME = "kb-verified-files";

	private static final Logger log = LoggerFactory.getLogger(VerifiedFiles.class);

	private final Path dir;
	private final Map<String, String> stamps;

	private VerifiedFiles(Path dir, Map<String, String> stamps) {
		this.dir = dir;
		this.stamps = stamps;
	}

	/** What was recorded in {@code dir}; nothing when there is no record or it cannot be read. */
	static VerifiedFiles in(Path dir) {
		Map<String, String> stamps = new HashMap<>();
		try {
			for (String line : Files.readAllLines(dir.resolve(NAME), StandardCharsets.UTF_8)) {
				int tab = line.indexOf('\t');
				if (tab > 0) {
					stamps.put(line.substring(0, tab), line.substring(tab + 1));
				}
			}
		}
		catch (NoSuchFileException ex) {
			// Never verified, or the record was deleted to force a full check.
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Cannot read {} ({}): checking every index file", dir.resolve(NAME), ex.getMessage());
			stamps.clear();
		}
		return new VerifiedFiles(dir, stamps);
	}

	/** The segments of {@code commit} with a file not verified in its present state: the ones to check. */
	List<String> unverifiedSegments(SegmentInfos commit) throws IOException {
		List<String> segments = new ArrayList<>();
		for (SegmentCommitInfo segment : commit) {
			if (!verified(segment.files())) {
				segments.add(segment.info.name);
			}
		}
		return segments;
	}

	private boolean verified(Collection<String> files) {
		for (String file : files) {
			Optional<String> now = stamp(dir.resolve(file));
			if (now.isEmpty() || !now.get().equals(stamps.get(file))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Records every file of {@code commit} as verified now. Best effort: if it cannot be written the next
	 * start checks again, which costs time, never correctness.
	 */
	void recordAll(SegmentInfos commit) {
		StringBuilder record = new StringBuilder();
		try {
			for (String file : new TreeSet<>(commit.files(true))) {
				Optional<String> stamp = stamp(dir.resolve(file));
				stamp.ifPresent(s -> record.append(file).append('\t').append(s).append('\n'));
			}
			Path temporary = dir.resolve(NAME + ".tmp");
			Files.writeString(temporary, record, StandardCharsets.UTF_8);
			Files.move(temporary, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Cannot record the verified index files in {} ({}): the next start checks them again", dir,
					ex.getMessage());
		}
	}

	private static Optional<String> stamp(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return Optional.of(attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":"
					+ attributes.fileKey());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}
}
