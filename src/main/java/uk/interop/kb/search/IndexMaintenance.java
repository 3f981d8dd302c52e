package uk.interop.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.SearchIndex;

/**
 * What operators' tools need of the index: rebuilding it from its sources (the {@code reindex}
 * command) and copying a commit of it (backups, with the app running or stopped).
 */
public final class IndexMaintenance {

	/** What a rebuild did: documents indexed, and the content problems it met on the way. */
	public record Rebuilt(int documents, List<ContentProblem> problems) {
	}

	private final SearchIndex index;
	private final ContentIndexer indexer;

	public IndexMaintenance(SearchIndex index, ContentIndexer indexer) {
		this.index = index;
		this.indexer = indexer;
	}

	/** Content files a rebuild will read: the progress bar's 100%. */
	public int fileCount() {
		return indexer.fileCount();
	}

	/** Deletes everything and indexes the content folder and the database again, reporting progress per file. */
	public Rebuilt rebuild(IntConsumer progress) {
		ContentIndexer.SyncReport report = indexer.rebuild(progress);
		return new Rebuilt(report.added(), report.problems());
	}

	/**
	 * Commits, then copies that commit's files into {@code target} while writes go on. Returns the
	 * commit's user data.
	 */
	public Map<String, String> copyLastCommitTo(Path target) {
		return index.copyCommitTo(target);
	}

	/** Whether a process (a running app) holds this index's write lock. */
	public static boolean isOpen(Path indexDir) {
		if (!Files.isDirectory(indexDir)) {
			return false;
		}
		try (Directory directory = FSDirectory.open(indexDir);
				Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
			return false;
		}
		catch (LockObtainFailedException ex) {
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Copies the last commit of an index no process has open into {@code target}, holding its write
	 * lock meanwhile; refuses (with {@link IndexLockedException}) if a running app holds it. Returns the
	 * commit's user data, or nothing if there is no index.
	 */
	public static Map<String, String> copyClosedIndex(Path indexDir, Path target) {
		if (!Files.isDirectory(indexDir)) {
			return Map.of();
		}
		try (Directory directory = FSDirectory.open(indexDir);
				Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
			SegmentInfos latest = SegmentInfos.readLatestCommit(directory);
			Files.createDirectories(target);
			for (String file : latest.files(true)) {
				Files.copy(indexDir.resolve(file), target.resolve(file));
			}
			return latest.getUserData();
		}
		catch (LockObtainFailedException ex) {
			throw new IndexLockedException(indexDir, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
