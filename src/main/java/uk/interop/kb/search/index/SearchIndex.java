package uk.interop.kb.search.index;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.IndexLockedException;
import uk.interop.kb.search.IndexStatus;
import uk.interop.kb.search.IndexUnavailableException;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * The one {@link IndexWriter} of the application, with a near-real-time {@link SearcherManager}
 * refreshed by a reopen thread (Gerrit's pattern). A write returns a generation; a caller that
 * must see its own write waits for it. Facet reader state is built once per refreshed reader.
 *
 * <p>The index is derived, so damage is repaired by rebuilding, never by failing: a missing,
 * truncated or corrupt index found at start-up is moved aside and a new, empty one opened (the
 * {@link ContentIndexer}'s sync then rebuilds it). A writer that fails at run time (a "tragic"
 * exception such as a full disk) is reported by {@link #writeProblem()} until {@link #reopen()} opens a
 * new writer on the last commit and a sync catches it up; meanwhile reading goes on from the last good
 * searcher, and a disk with less than {@link #MIN_FREE_BYTES} free refuses writes before they are tried
 * ({@link IndexStatus}). A read-write lock keeps every operation off the writer while it is being replaced.
 */
public final class SearchIndex implements Closeable, IndexStatus {

	/** Room for a flush and a commit: below it, writes are refused before they are tried. */
	public static final long MIN_FREE_BYTES = 8L * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
	private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final Path dir;
	private final long minFreeBytes;
	private final Directory directory;
	private final Function<Path, Directory> directories;
	private final String synonyms;
	private final FacetsConfig facetsConfig = DocumentMapper.facetsConfig();
	private final DocumentMapper mapper;
	private final Analyzer queryAnalyzer;
	private final Object facetStateLock = new Object();
	/** Shared by every operation; exclusive while the writer is replaced. */
	private final ReadWriteLock lock = new ReentrantReadWriteLock();
	private final Optional<String> damageFound;
	private volatile FacetState facetState = new FacetState(null, Optional.empty());
	private volatile Engine engine;
	private volatile String notReady = "not yet in step with its sources";
	/** Set by {@link #reopen()}: reads see the last commit until the sync that follows has caught up. */
	private volatile String catchingUp;
	private volatile boolean closed;

	private record FacetState(IndexReader reader, Optional<SortedSetDocValuesReaderState> state) {
	}

	/**
	 * What one open writer consists of; replaced whole by {@link #reopen()}. The analyzer is kept here
	 * because {@link IndexWriter#getAnalyzer()} throws once the writer has failed, and reads need it.
	 */
	private record Engine(IndexWriter writer, SnapshotDeletionPolicy snapshots, SearcherManager manager,
			ControlledRealTimeReopenThread<IndexSearcher> reopener, Analyzer indexAnalyzer) {
	}

	/** A searcher and what goes with it, valid until released. */
	public record Snapshot(IndexSearcher searcher, Optional<SortedSetDocValuesReaderState> facetState,
			FacetsConfig facetsConfig, DocumentMapper mapper, Analyzer indexAnalyzer, Analyzer queryAnalyzer) {

		/** The hits' documents, in order. */
		public List<IndexedDocument> documents(TopDocs top) throws IOException {
			var stored = searcher.storedFields();
			List<IndexedDocument> documents = new ArrayList<>();
			for (ScoreDoc hit : top.scoreDocs) {
				documents.add(mapper.fromLucene(stored.document(hit.doc)));
			}
			return documents;
		}
	}

	@FunctionalInterface
	public interface SnapshotFunction<T> {
		T apply(Snapshot snapshot) throws IOException;
	}

	@FunctionalInterface
	private interface IndexOperation<T> {
		T apply(Engine engine) throws IOException;
	}

	/** Lexical only: no passage vectors. */
	public SearchIndex(Path dir, Taxonomy taxonomy) {
		this(dir, taxonomy, Embeddings.NONE);
	}

	public SearchIndex(Path dir, Taxonomy taxonomy, Embeddings embeddings) {
		this(dir, taxonomy, embeddings, SearchIndex::openDirectory);
	}

	/** {@code directories} opens the Lucene directory for a path: tests wrap it to inject disk failures. */
	public SearchIndex(Path dir, Taxonomy taxonomy, Embeddings embeddings, Function<Path, Directory> directories) {
		this(dir, taxonomy, embeddings, directories, MIN_FREE_BYTES);
	}

	/** {@code minFreeBytes}: tests set 0 to let Lucene itself meet a full disk. */
	SearchIndex(Path dir, Taxonomy taxonomy, Embeddings embeddings, Function<Path, Directory> directories,
			long minFreeBytes) {
		this.minFreeBytes = minFreeBytes;
		this.dir = dir;
		this.synonyms = taxonomy.synonyms();
		this.mapper = new DocumentMapper(facetsConfig, taxonomy, embeddings);
		this.queryAnalyzer = KbAnalyzers.forQueries();
		Optional<String> damage = moveAsideIfDamaged(dir);
		this.directories = directories;
		Directory opened = directories.apply(dir);
		Engine first;
		try {
			first = open(opened);
		}
		catch (RuntimeException ex) {
			closeQuietly(opened);
			if (!(ex instanceof UncheckedIOException io && isDamage(io.getCause()))) {
				throw ex;
			}
			// Damage in a file the start-up check had verified before, met by the writer: handled the same way.
			damage = Optional.of(moveAside(dir, describe(io.getCause())));
			opened = directories.apply(dir);
			try {
				first = open(opened);
			}
			catch (RuntimeException again) {
				closeQuietly(opened);
				throw again;
			}
		}
		this.damageFound = damage;
		this.directory = opened;
		this.engine = first;
	}

	private static boolean isDamage(Throwable cause) {
		return cause instanceof CorruptIndexException || cause instanceof IndexFormatTooOldException
				|| cause instanceof IndexFormatTooNewException || cause instanceof EOFException
				|| cause instanceof NoSuchFileException;
	}

	public Path dir() {
		return dir;
	}

	/** How queries are analysed (the same chain as the index, without synonyms). */
	public Analyzer queryAnalyzer() {
		return queryAnalyzer;
	}

	/** The embeddings documents are indexed with, and queries must be embedded with. */
	public Embeddings embeddings() {
		return mapper.embeddings();
	}

	/** Why the index was found damaged and rebuilt at start-up, if it was. */
	public Optional<String> damageFoundAtStart() {
		return damageFound;
	}

	public long upsert(SourceDocument document) {
		return upsert(document, "");
	}

	/** Indexes a document read from a content file, recording the file's stamp for the next start-up check. */
	public long upsert(SourceDocument document, String fileStamp) {
		var fields = mapper.toLucene(document, fileStamp);
		return write(e -> e.writer().updateDocument(new Term(LuceneFields.ID, document.document().id()), fields));
	}

	/**
	 * Starts a full rebuild. It is written beside the live index ({@code <dir>.rebuild}) by a writer of its
	 * own, with no near-real-time readers and a large buffer, which any number of threads may feed at once;
	 * {@link Rebuild#publish} then swaps it in whole. Until then searches see the old index complete, never a
	 * half-built one; closing a rebuild that was not published leaves the live index as it was.
	 */
	public Rebuild startRebuild() {
		Optional<String> disk = diskProblem();
		if (disk.isPresent()) {
			throw new IndexUnavailableException(disk.get());
		}
		return new Rebuild(dir.resolveSibling(dir.getFileName() + ".rebuild"));
	}

	/** A rebuild in progress: see {@link #startRebuild()}. */
	public final class Rebuild implements Closeable {

		/** Enough to flush large segments rather than many small ones, small enough for a modest heap. */
		static final double RAM_BUFFER_MB = 64;

		private final Path sideDir;
		private final Directory side;
		private final IndexWriter writer;
		private boolean published;

		private Rebuild(Path sideDir) {
			this.sideDir = sideDir;
			deleteTree(sideDir);
			this.side = directories.apply(sideDir);
			try {
				IndexWriterConfig config = new IndexWriterConfig(KbAnalyzers.forIndexing(synonyms));
				config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
				config.setRAMBufferSizeMB(RAM_BUFFER_MB);
				this.writer = new IndexWriter(side, config);
			}
			catch (IOException ex) {
				closeQuietly(side);
				deleteTree(sideDir);
				throw new UncheckedIOException("Cannot start a rebuild in " + sideDir.toAbsolutePath(), ex);
			}
		}

		/** Adds one document (replacing an earlier one with its id); safe to call from several threads. */
		public void add(SourceDocument document, String fileStamp) {
			try {
				writer.updateDocument(new Term(LuceneFields.ID, document.document().id()),
						mapper.toLucene(document, fileStamp));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Rebuilding the index failed: " + describe(ex), ex);
			}
		}

		/**
		 * Replaces everything in the live index with what was added, committed with {@code userData}, and
		 * refreshes searches onto it. Searches wait for the few moments the swap takes rather than see it half done.
		 */
		public void publish(Map<String, String> userData) {
			Optional<String> disk = diskProblem();
			if (disk.isPresent()) {
				throw new IndexUnavailableException(disk.get());
			}
			try {
				writer.commit();
				writer.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Rebuilding the index failed: " + describe(ex), ex);
			}
			lock.writeLock().lock();
			Engine current = engine;
			try {
				Map<String, String> data = new HashMap<>(commitData(current.writer()));
				data.putAll(userData);
				current.writer().deleteAll();
				current.writer().addIndexes(side);
				current.writer().setLiveCommitData(data.entrySet());
				current.writer().commit();
				current.manager().maybeRefreshBlocking();
				published = true;
			}
			catch (IOException | AlreadyClosedException ex) {
				throw failed(current, ex);
			}
			finally {
				lock.writeLock().unlock();
			}
		}

		@Override
		public void close() {
			if (!published) {
				try {
					writer.rollback();
				}
				catch (IOException | RuntimeException ex) {
					log.debug("Abandoning a rebuild: {}", describe(ex));
				}
			}
			closeQuietly(side);
			deleteTree(sideDir);
		}
	}

	/** Deletes a side folder; a leftover is only disk space (the next rebuild deletes it first). */
	private static void deleteTree(Path tree) {
		try {
			FileSystemUtils.deleteRecursively(tree);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", tree, ex.getMessage());
		}
	}

	public long delete(String id) {
		return write(e -> e.writer().deleteDocuments(new Term(LuceneFields.ID, id)));
	}

	/** Deletes the document with this id only if it came from the database: a content file is never removed this way. */
	public long deleteFromDatabase(String id) {
		Query query = withOrigin(id, SourceDocument.Origin.DATABASE);
		return write(e -> e.writer().deleteDocuments(query));
	}

	/** Whether the index holds a document with this id that came from a content file (which a database document never replaces). */
	public boolean holdsFile(String id) {
		Query query = withOrigin(id, SourceDocument.Origin.FILE);
		return withSnapshot(snapshot -> snapshot.searcher().count(query) > 0);
	}

	private static Query withOrigin(String id, SourceDocument.Origin origin) {
		return new BooleanQuery.Builder().add(new TermQuery(new Term(LuceneFields.ID, id)), Occur.FILTER)
			.add(new TermQuery(new Term(LuceneFields.ORIGIN, origin.name())), Occur.FILTER)
			.build();
	}

	public long deleteAll() {
		return write(e -> e.writer().deleteAll());
	}

	/** Makes everything written so far durable, recording {@code userData} with the commit. */
	public void commit(Map<String, String> userData) {
		write(e -> {
			Map<String, String> data = new HashMap<>(commitData(e.writer()));
			data.putAll(userData);
			e.writer().setLiveCommitData(data.entrySet());
			return e.writer().commit();
		});
	}

	public Map<String, String> commitData() {
		return read(e -> commitData(e.writer()));
	}

	private static Map<String, String> commitData(IndexWriter writer) {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
		if (live != null) {
			live.forEach(e -> data.put(e.getKey(), e.getValue()));
		}
		return data;
	}

	/** Blocks until searches see the write that returned {@code generation}; fails if the writer fails meanwhile. */
	public void waitFor(long generation) {
		read(e -> {
			try {
				while (!e.reopener().waitForGeneration(generation, 1000)) {
					if (!e.writer().isOpen()) {
						throw failed(e, new AlreadyClosedException("the index writer closed"));
					}
				}
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the index", ex);
			}
		});
	}

	/** Runs {@code function} on a searcher that stays valid (and unchanged) until it returns. */
	public <T> T withSnapshot(SnapshotFunction<T> function) {
		return read(e -> {
			IndexSearcher searcher = e.manager().acquire();
			try {
				return function.apply(new Snapshot(searcher, facetState(searcher.getIndexReader()), facetsConfig,
						mapper, e.indexAnalyzer(), queryAnalyzer));
			}
			finally {
				e.manager().release(searcher);
			}
		});
	}

	/**
	 * Id → content hash of every document from the given origin: what start-up compares database
	 * documents with. Read from a doc-values column, not the stored fields, so checking an unchanged
	 * index does not decompress every stored document.
	 */
	public Map<String, String> storedHashes(SourceDocument.Origin origin) {
		Map<String, String> hashes = new HashMap<>();
		storedSyncKeys(origin).forEach((id, synced) -> hashes.put(id, synced.hash()));
		return hashes;
	}

	/** What the index recorded of a document's source: its content hash, and the file's stamp ("" if none). */
	public record Synced(String hash, String fileStamp) {
	}

	/** Id → hash and file stamp of every document from the given origin, from the same doc-values column. */
	public Map<String, Synced> storedSyncKeys(SourceDocument.Origin origin) {
		return withSnapshot(snapshot -> {
			Map<String, Synced> keys = new HashMap<>();
			Term term = new Term(LuceneFields.ORIGIN, origin.name());
			for (LeafReaderContext leaf : snapshot.searcher().getIndexReader().leaves()) {
				LeafReader reader = leaf.reader();
				PostingsEnum postings = reader.postings(term, PostingsEnum.NONE);
				BinaryDocValues values = reader.getBinaryDocValues(LuceneFields.SYNC_KEY);
				if (postings == null || values == null) {
					continue;
				}
				Bits live = reader.getLiveDocs();
				for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
					if ((live == null || live.get(doc)) && values.advanceExact(doc)) {
						String key = values.binaryValue().utf8ToString();
						int first = key.indexOf('\n');
						int second = key.indexOf('\n', first + 1);
						String hash = second < 0 ? key.substring(first + 1) : key.substring(first + 1, second);
						keys.put(key.substring(0, first), new Synced(hash, second < 0 ? "" : key.substring(second + 1)));
					}
				}
			}
			return keys;
		});
	}

	public int documentCount() {
		return withSnapshot(snapshot -> snapshot.searcher().getIndexReader().numDocs());
	}

	/** Bytes the index's files take on disk now (including files of commits kept for a backup). */
	public long sizeOnDisk() {
		try {
			long total = 0;
			for (String file : directory.listAll()) {
				try {
					total += directory.fileLength(file);
				}
				catch (NoSuchFileException ex) {
					// Deleted by a merge since it was listed.
				}
			}
			return total;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Refreshes now instead of waiting for the reopen thread (used after bulk loads). */
	public void refresh() {
		read(e -> {
			e.manager().maybeRefreshBlocking();
			return null;
		});
	}

	/**
	 * Commits, then copies the files of that commit into {@code target} while writes go on: the
	 * snapshot deletion policy keeps the commit's files until the copy is done. Returns the commit's user data.
	 */
	public Map<String, String> copyCommitTo(Path target) {
		commit(Map.of());
		return read(e -> {
			IndexCommit commit = e.snapshots().snapshot();
			try {
				Files.createDirectories(target);
				for (String file : commit.getFileNames()) {
					Files.copy(dir.resolve(file), target.resolve(file));
				}
				return commit.getUserData();
			}
			finally {
				e.snapshots().release(commit);
				e.writer().deleteUnusedFiles();
			}
		});
	}

	/**
	 * What stops the index serving reads correctly now: a start-up that has not yet brought it in step
	 * with its sources. A failed writer is not such a problem: reads go on from the last good searcher
	 * ({@link #writeProblem()}, {@link #degraded()}). Empty when all is well.
	 */
	public Optional<String> problem() {
		return Optional.ofNullable(notReady);
	}

	/** Why writes are refused now: a failed writer, or a full disk. Empty when the index can take writes. */
	@Override
	public Optional<String> writeProblem() {
		Engine current = engine;
		if (closed) {
			return Optional.of("the index is closed");
		}
		Throwable tragic = current.writer().getTragicException();
		if (tragic != null) {
			return Optional.of("the index writer failed: " + describe(tragic));
		}
		if (!current.writer().isOpen()) {
			return Optional.of("the index writer closed unexpectedly");
		}
		return diskProblem();
	}

	/** Why: the disk holding the index has less than {@link #MIN_FREE_BYTES} free. Empty if it has room (or cannot say). */
	public Optional<String> diskProblem() {
		try {
			long free = Files.getFileStore(dir).getUsableSpace();
			return free < minFreeBytes
					? Optional.of("the index's disk is full (" + free / 1024 + " KB free, " + minFreeBytes / 1024
							+ " KB needed)")
					: Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Why a failed writer should not be reopened yet: too little room on its disk to catch up (at least
	 * 1 MB, and never less than the margin writes need). Reopening falls back to the last commit, so
	 * while the disk is full the last good searcher is the better one to read from.
	 */
	public Optional<String> noRoomToRecover() {
		try {
			long free = Files.getFileStore(dir).getUsableSpace();
			long needed = Math.max(minFreeBytes, 1024 * 1024);
			return free < needed ? Optional.of("the index's disk is full (" + free / 1024 + " KB free)") : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Why the index serves reads but is not whole now: writes refused ({@link #writeProblem()}), or a
	 * reopened writer still catching up with its sources. Empty when all is well.
	 */
	public Optional<String> degraded() {
		Optional<String> writes = writeProblem();
		return writes.isPresent() ? writes : Optional.ofNullable(catchingUp);
	}

	/** True when the writer has failed and must be replaced by {@link #reopen()}. */
	public boolean needsReopen() {
		Engine current = engine;
		return !closed && (current.writer().getTragicException() != null || !current.writer().isOpen());
	}

	/** Called once a sync or rebuild has brought the index in step with its sources. */
	public void caughtUp() {
		if (!needsReopen()) {
			notReady = null;
			catchingUp = null;
		}
	}

	/**
	 * Replaces a failed writer by a new one on the last commit. Everything written since that commit
	 * is lost from the index (not from its sources): the caller then syncs to catch up.
	 */
	public void reopen() {
		lock.writeLock().lock();
		try {
			if (closed) {
				return;
			}
			catchingUp = "reopened after a failure; catching up with its sources";
			Engine old = engine;
			closeEngine(old, false);
			engine = open(directory);
			log.warn("Index writer in {} reopened on its last commit after a failure", dir.toAbsolutePath());
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	private Engine open(Directory directory) {
		IndexWriter writer;
		SnapshotDeletionPolicy snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
		Analyzer indexAnalyzer = KbAnalyzers.forIndexing(synonyms);
		try {
			IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer);
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			config.setCommitOnClose(true);
			config.setIndexDeletionPolicy(snapshots);
			writer = new IndexWriter(directory, config);
		}
		catch (LockObtainFailedException ex) {
			throw new IndexLockedException(dir, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the index in " + dir.toAbsolutePath(), ex);
		}
		SearcherManager manager;
		try {
			manager = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			closeQuietly(writer);
			throw new UncheckedIOException(ex);
		}
		var reopener = new ControlledRealTimeReopenThread<>(writer, manager, 0.5, 0.01);
		reopener.setName("kb-index-reopen");
		reopener.setDaemon(true);
		reopener.setUncaughtExceptionHandler((thread, ex) -> log.warn("Index refresh stopped: {}", describe(ex)));
		reopener.start();
		return new Engine(writer, snapshots, manager, reopener, indexAnalyzer);
	}

	private <T> T read(IndexOperation<T> operation) {
		lock.readLock().lock();
		try {
			Engine current = engine;
			try {
				return operation.apply(current);
			}
			catch (IOException ex) {
				throw failed(current, ex);
			}
			catch (AlreadyClosedException ex) {
				throw failed(current, ex);
			}
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/**
	 * Writes share the lock with reads: it excludes only replacing the writer (IndexWriter is thread-safe).
	 * On a full disk a write is refused before it is tried, so the writer is not driven into failure.
	 */
	private long write(IndexOperation<Long> operation) {
		Optional<String> disk = diskProblem();
		if (disk.isPresent()) {
			throw new IndexUnavailableException(disk.get());
		}
		return read(operation);
	}

	/** Logs a writer failure once, clearly, and gives the caller an unchecked exception. */
	private RuntimeException failed(Engine current, Exception ex) {
		if (current.writer().getTragicException() != null || !current.writer().isOpen()) {
			if (!closed) {
				log.warn("Index writer in {} has failed ({}); writes are refused until it is reopened, reads go on "
						+ "from the last good searcher",
						dir.toAbsolutePath(), describe(ex));
			}
			return new IndexFailedException(describe(ex), ex);
		}
		return ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
	}

	private Optional<SortedSetDocValuesReaderState> facetState(IndexReader reader) throws IOException {
		FacetState current = facetState;
		if (current.reader() == reader) {
			return current.state();
		}
		synchronized (facetStateLock) {
			current = facetState;
			if (current.reader() != reader) {
				current = new FacetState(reader, buildFacetState(reader));
				facetState = current;
			}
			return current.state();
		}
	}

	/** Empty for an index with no facet values yet: Lucene's state cannot be built there. */
	private Optional<SortedSetDocValuesReaderState> buildFacetState(IndexReader reader) throws IOException {
		boolean hasFacets = reader.leaves().stream()
			.anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null);
		if (!hasFacets || reader.numDocs() == 0) {
			return Optional.empty();
		}
		return Optional.of(new DefaultSortedSetDocValuesReaderState(reader, facetsConfig));
	}

	@Override
	public void close() {
		lock.writeLock().lock();
		try {
			if (closed) {
				return;
			}
			closed = true;
			closeEngine(engine, true);
			closeQuietly(directory);
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** Order matters: stop refreshing, then release readers, then commit (or roll back) and close the writer. */
	private static void closeEngine(Engine engine, boolean commit) {
		closeQuietly(engine.reopener());
		closeQuietly(engine.manager());
		try {
			if (commit && engine.writer().getTragicException() == null) {
				engine.writer().close();
			}
			else {
				engine.writer().rollback();
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Closing the index writer failed: {}", describe(ex));
		}
	}

	/**
	 * Checks an index before opening it: a commit that cannot be read, or files whose checksums do not
	 * match, mean damage. The damaged folder is moved aside (or, if that fails, emptied) so a new index
	 * is built in its place. Returns what was wrong.
	 */
	static Optional<String> moveAsideIfDamaged(Path dir) {
		return damage(dir).map(reason -> moveAside(dir, reason));
	}

	/** Moves a damaged index out of the way (or deletes it when it cannot be moved); returns the reason. */
	private static String moveAside(Path dir, String reason) {
		Optional<String> damage = Optional.of(reason);
		Path aside = dir.resolveSibling(dir.getFileName() + ".corrupt-" + LocalDateTime.now().format(ASIDE));
		try {
			Files.move(dir, aside);
			log.warn("The index in {} is damaged ({}): moved it to {} and rebuilding it from content and the database",
					dir.toAbsolutePath(), damage.get(), aside.toAbsolutePath());
		}
		catch (IOException ex) {
			try {
				FileSystemUtils.deleteRecursively(dir);
			}
			catch (IOException deleteFailed) {
				throw new UncheckedIOException("The index in " + dir.toAbsolutePath() + " is damaged ("
						+ damage.get() + ") and can be neither moved nor deleted", deleteFailed);
			}
			log.warn("The index in {} is damaged ({}): could not move it aside ({}), so deleted it; rebuilding it "
					+ "from content and the database", dir.toAbsolutePath(), damage.get(), describe(ex));
		}
		return reason;
	}

	private static Optional<String> damage(Path dir) {
		if (!Files.isDirectory(dir)) {
			return Optional.empty();
		}
		try (Directory directory = FSDirectory.open(dir)) {
			List<String> files = new ArrayList<>(List.of(directory.listAll()));
			files.removeAll(List.of(IndexWriter.WRITE_LOCK_NAME, VerifiedFiles.NAME, VerifiedFiles.NAME + ".tmp"));
			if (files.isEmpty()) {
				return Optional.empty();
			}
			if (!DirectoryReader.indexExists(directory)) {
				return Optional.of("index files without a commit: the segments file is missing");
			}
			// Reading the commit verifies the segments file's checksum; the segments' own files are read in
			// full only when written since they were last verified (VerifiedFiles says why that is enough).
			SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
			VerifiedFiles verified = VerifiedFiles.in(dir);
			List<String> unverified = verified.unverifiedSegments(commit);
			if (unverified.isEmpty()) {
				return Optional.empty();
			}
			try (CheckIndex check = new CheckIndex(directory)) {
				check.setChecksumsOnly(true);
				CheckIndex.Status status = check.checkIndex(unverified);
				if (status.clean) {
					verified.recordAll(commit);
					return Optional.empty();
				}
				return Optional.of(status.missingSegments ? "the segments file cannot be read"
						: "CheckIndex found " + status.totLoseDocCount + " documents in broken segments");
			}
		}
		catch (LockObtainFailedException ex) {
			throw new IndexLockedException(dir, ex);
		}
		catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | EOFException
				| NoSuchFileException ex) {
			return Optional.of(describe(ex));
		}
		catch (AccessDeniedException ex) {
			throw new UncheckedIOException("Cannot read the index in " + dir.toAbsolutePath(), ex);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.of(describe(ex));
		}
	}

	private static Directory openDirectory(Path dir) {
		try {
			Files.createDirectories(dir);
			return FSDirectory.open(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the index in " + dir.toAbsolutePath(), ex);
		}
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), ex.getMessage());
		}
	}

	/** The index writer failed (disk full, I/O error): the write was not made; the index reopens and catches up. */
	public static final class IndexFailedException extends IndexUnavailableException {
		public IndexFailedException(String reason, Throwable cause) {
			super("the index writer failed: " + reason, cause);
		}
	}
}
