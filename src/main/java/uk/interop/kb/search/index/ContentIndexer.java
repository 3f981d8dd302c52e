package uk.interop.kb.search.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.interop.kb.content.ContentFile;
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
	static final String SCHEMA = "kb-index-7";
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
		List<ContentFile> files = loader.scan(problems);
		Map<String, String> indexed = index.storedHashes(SourceDocument.Origin.FILE);
		int added = 0;
		int updated = 0;
		int unchanged = 0;
		long generation = -1;
		Set<String> present = new HashSet<>();
		for (ContentFile file : files) {
			present.add(file.id());
			String hash = indexed.get(file.id());
			if (file.hash().equals(hash)) {
				unchanged++;
				continue;
			}
			var parsed = loader.parse(file, problems);
			if (parsed.isPresent()) {
				// A file may declare its own id (exported from the app); track that one.
				present.add(parsed.get().document().id());
				generation = index.upsert(parsed.get());
				if (hash == null) {
					added++;
				}
				else {
					updated++;
				}
			}
			else if (hash != null) {
				// It was indexed before and no longer parses: take it out rather than show stale text.
				generation = index.delete(file.id());
				present.remove(file.id());
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

	/** Deletes everything and indexes the content folder again, reporting progress per file. */
	public SyncReport rebuild(IntConsumer progress) {
		List<ContentProblem> problems = new ArrayList<>();
		List<ContentFile> files = loader.scan(problems);
		index.deleteAll();
		Set<String> fileIds = new HashSet<>();
		int added = 0;
		int done = 0;
		for (ContentFile file : files) {
			var parsed = loader.parse(file, problems);
			if (parsed.isPresent()) {
				index.upsert(parsed.get());
				fileIds.add(parsed.get().document().id());
				added++;
			}
			progress.accept(++done);
		}
		for (DocumentSource source : sources) {
			for (SourceDocument document : source.documents()) {
				if (!fileIds.contains(document.document().id())) {
					index.upsert(document);
					added++;
				}
			}
		}
		index.commit(Map.of(SCHEMA_KEY, schemaKey()));
		index.refresh();
		index.caughtUp();
		log.info("Index rebuilt from {}: {} documents, {} problems", loader.root(), added, problems.size());
		return new SyncReport(added, 0, 0, 0, true, problems);
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
		return loader.scan(new ArrayList<>()).size();
	}

	/** The layout, the taxonomy and the embedding model: a change to any of them rebuilds the index. */
	private String schemaKey() {
		return SCHEMA + ":" + taxonomyFingerprint + ":" + index.embeddings().model();
	}
}
