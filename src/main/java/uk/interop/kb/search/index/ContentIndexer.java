package uk.interop.kb.search.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.interop.kb.content.ContentEntry;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.DocumentSource;

/**
 * Keeps the index in step with the files under {@code content/}: at start-up only changed
 * files are parsed and re-indexed and removed files are deleted; a full rebuild starts over.
 * The index records which taxonomy and schema it was built with, and rebuilds when they change.
 */
public final class ContentIndexer {

	/** Bump when the Lucene document layout changes: an index built by an older layout is rebuilt. */
	static final String SCHEMA = "kb-index-9";
	static final String SCHEMA_KEY = "kb.schema";

	private static final Logger log = LoggerFactory.getLogger(ContentIndexer.class);

	private final SearchIndex index;
	private final ContentLoader loader;
	private final String taxonomyFingerprint;
	private final List<DocumentSource> sources;

	public ContentIndexer(SearchIndex index, ContentLoader loader, String taxonomyFingerprint) {
		this(index, loader, taxonomyFingerprint, List.of());
	}

	public ContentIndexer(SearchIndex index, ContentLoader loader, String taxonomyFingerprint,
			List<DocumentSource> sources) {
		this.index = index;
		this.loader = loader;
		this.taxonomyFingerprint = taxonomyFingerprint;
		this.sources = List.copyOf(sources);
	}

	public record SyncReport(int added, int updated, int deleted, int unchanged, boolean rebuilt,
			List<ContentProblem> problems) {
	}

	/** Brings the index up to date with the content folder, doing as little as it can. */
	public SyncReport sync() {
		if (!schemaKey().equals(index.commitData().get(SCHEMA_KEY))) {
			log.info("Index schema or taxonomy changed (or new index): rebuilding from {}", loader.root());
			return rebuild(done -> {
			});
		}
		List<ContentProblem> problems = new ArrayList<>();
		List<ContentEntry> entries = loader.list(problems);
		Map<String, SearchIndex.Synced> indexed = index.storedSyncKeys(SourceDocument.Origin.FILE);
		int added = 0;
		int updated = 0;
		int unchanged = 0;
		long generation = -1;
		Set<String> present = new HashSet<>();
		for (ContentEntry entry : entries) {
			present.add(entry.id());
			SearchIndex.Synced synced = indexed.get(entry.id());
			if (synced != null && entry.stamp().equals(synced.fileStamp())) {
				// Not written since it was indexed: not even read.
				unchanged++;
				continue;
			}
			var file = loader.read(entry, problems);
			if (file.isEmpty()) {
				// Too large or unreadable now (a problem says which): removed below like a deleted file.
				present.remove(entry.id());
				continue;
			}
			String hash = synced == null ? null : synced.hash();
			var parsed = loader.parse(file.get(), problems);
			if (parsed.isPresent()) {
				// A file may declare its own id (exported from the app); track that one.
				present.add(parsed.get().document().id());
				// Indexed again even when only its stamp changed (a touched file), so the next check skips it.
				generation = index.upsert(parsed.get(), entry.stamp());
				if (hash == null) {
					added++;
				}
				else if (hash.equals(file.get().hash())) {
					unchanged++;
				}
				else {
					updated++;
				}
			}
			else if (hash != null) {
				// It was indexed before and no longer parses: take it out rather than show stale text.
				generation = index.delete(entry.id());
				present.remove(entry.id());
			}
		}
		int deleted = 0;
		for (String id : indexed.keySet()) {
			if (!present.contains(id)) {
				generation = index.delete(id);
				deleted++;
			}
		}
		CatchUp database = catchUpDatabase(present);
		generation = Math.max(generation, database.generation());
		added += database.added();
		updated += database.updated();
		deleted += database.deleted();
		unchanged += database.unchanged();
		if (generation >= 0) {
			index.commit(Map.of(SCHEMA_KEY, schemaKey()));
			index.waitFor(generation);
		}
		index.caughtUp();
		log.info("Index in step with {}: {} added, {} updated, {} deleted, {} unchanged", loader.root(), added, updated,
				deleted, unchanged);
		return new SyncReport(added, updated, deleted, unchanged, false, problems);
	}

	/**
	 * Indexes the content folder and the database documents again from nothing, reporting progress per
	 * file. Files are read, parsed and analysed on every core at once, into an index built beside the live
	 * one and swapped in when complete, so searches meanwhile see the old index, whole.
	 */
	public SyncReport rebuild(IntConsumer progress) {
		List<ContentProblem> problems = Collections.synchronizedList(new ArrayList<>());
		List<ContentEntry> entries = loader.list(problems);
		Set<String> fileIds = ConcurrentHashMap.newKeySet();
		AtomicInteger added = new AtomicInteger();
		try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
			AtomicInteger done = new AtomicInteger();
			inParallel(entries, entry -> {
				loader.read(entry, problems).flatMap(file -> loader.parse(file, problems)).ifPresent(parsed -> {
					rebuild.add(parsed, entry.stamp());
					fileIds.add(parsed.document().id());
					added.incrementAndGet();
				});
				synchronized (done) {
					progress.accept(done.incrementAndGet());
				}
			});
			for (DocumentSource source : sources) {
				for (SourceDocument document : source.documents()) {
					if (!fileIds.contains(document.document().id())) {
						rebuild.add(document, "");
						added.incrementAndGet();
					}
				}
			}
			rebuild.publish(Map.of(SCHEMA_KEY, schemaKey()));
		}
		// Database documents published while the rebuild ran are caught up now.
		CatchUp late = catchUpDatabase(fileIds);
		if (late.generation() >= 0) {
			index.commit(Map.of());
			index.waitFor(late.generation());
		}
		index.caughtUp();
		List<ContentProblem> sorted = new ArrayList<>(problems);
		// Parallel reading reports problems in any order: each file's stay together, files in path order.
		sorted.sort(Comparator.comparing(ContentProblem::path));
		log.info("Index rebuilt from {}: {} documents, {} problems", loader.root(), added.get(), sorted.size());
		return new SyncReport(added.get(), 0, 0, 0, true, sorted);
	}

	/** Runs {@code work} for every item on as many threads as there are cores, and fails with the first failure. */
	private static <T> void inParallel(List<T> items, java.util.function.Consumer<T> work) {
		int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items.size()));
		AtomicInteger next = new AtomicInteger();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		Runnable worker = () -> {
			for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next.getAndIncrement()) {
				try {
					work.accept(items.get(i));
				}
				catch (RuntimeException ex) {
					failure.compareAndSet(null, ex);
				}
			}
		};
		List<Thread> workers = new ArrayList<>();
		for (int t = 1; t < threads; t++) {
			Thread thread = new Thread(worker, "kb-index-rebuild-" + t);
			thread.setDaemon(true);
			thread.start();
			workers.add(thread);
		}
		worker.run();
		for (Thread thread : workers) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while rebuilding the index", ex);
			}
		}
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	/**
	 * Brings database-origin documents in step with their sources: re-indexes what changed or is
	 * missing, deletes what no source wants any more. Returns the last write's generation, or -1.
	 */
	private record CatchUp(long generation, int added, int updated, int deleted, int unchanged) {
	}

	private CatchUp catchUpDatabase(Set<String> files) {
		Map<String, String> indexed = index.storedHashes(SourceDocument.Origin.DATABASE);
		Set<String> wanted = new HashSet<>();
		long generation = -1;
		int added = 0;
		int updated = 0;
		int deleted = 0;
		int unchanged = 0;
		for (DocumentSource source : sources) {
			for (SourceDocument document : source.documents()) {
				if (files.contains(document.document().id())) {
					// A file under content/ with the same id (an export committed to git) is the truth.
					log.warn("{} is both a file and a database document; the file is indexed", document.document().id());
					continue;
				}
				wanted.add(document.document().id());
				String hash = indexed.get(document.document().id());
				if (document.contentHash().equals(hash)) {
					unchanged++;
					continue;
				}
				generation = index.upsert(document);
				if (hash == null) {
					added++;
				}
				else {
					updated++;
				}
			}
		}
		for (String id : indexed.keySet()) {
			if (!wanted.contains(id)) {
				generation = index.delete(id);
				deleted++;
			}
		}
		return new CatchUp(generation, added, updated, deleted, unchanged);
	}

	/**
	 * Database documents whose indexed version differs from their source's (or that should not be
	 * indexed now). Compares hashes only ({@link DocumentSource#contentHashes()}): nothing is rendered.
	 */
	public int unindexedChanges() {
		Map<String, String> indexed = index.storedHashes(SourceDocument.Origin.DATABASE);
		Set<String> wanted = new HashSet<>();
		int differing = 0;
		for (DocumentSource source : sources) {
			for (Map.Entry<String, String> document : source.contentHashes().entrySet()) {
				wanted.add(document.getKey());
				if (!document.getValue().equals(indexed.get(document.getKey()))) {
					differing++;
				}
			}
		}
		return differing + (int) indexed.keySet().stream().filter(id -> !wanted.contains(id)).count();
	}

	public int fileCount() {
		return loader.list(new ArrayList<>()).size();
	}

	/** The layout, the taxonomy and the embedding model: a change to any of them rebuilds the index. */
	private String schemaKey() {
		return SCHEMA + ":" + taxonomyFingerprint + ":" + index.embeddings().model();
	}
}
