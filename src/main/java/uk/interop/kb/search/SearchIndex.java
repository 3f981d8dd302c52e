package uk.interop.kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.interop.kb.content.SourceDocument;

/**
 * The one {@link IndexWriter} of the application, with a near-real-time {@link SearcherManager}
 * refreshed by a reopen thread (Gerrit's pattern). A write returns a generation; a caller that
 * must see its own write waits for it. Facet reader state is built once per refreshed reader.
 */
public final class SearchIndex implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private final Path dir;
	private final Directory directory;
	private final IndexWriter writer;
	private final SearcherManager manager;
	private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
	private final FacetsConfig facetsConfig = DocumentMapper.facetsConfig();
	private final DocumentMapper mapper = new DocumentMapper(facetsConfig);
	private final Analyzer queryAnalyzer;
	private final Object facetStateLock = new Object();
	private volatile FacetState facetState = new FacetState(null, Optional.empty());

	private record FacetState(IndexReader reader, Optional<SortedSetDocValuesReaderState> state) {
	}

	/** A searcher and what goes with it, valid until released. */
	record Snapshot(IndexSearcher searcher, Optional<SortedSetDocValuesReaderState> facetState,
			FacetsConfig facetsConfig, DocumentMapper mapper, Analyzer indexAnalyzer, Analyzer queryAnalyzer) {
	}

	@FunctionalInterface
	interface SnapshotFunction<T> {
		T apply(Snapshot snapshot) throws IOException;
	}

	public SearchIndex(Path dir, String synonyms) {
		this.dir = dir;
		this.queryAnalyzer = KbAnalyzers.forQueries();
		try {
			Files.createDirectories(dir);
			this.directory = FSDirectory.open(dir);
			IndexWriterConfig config = new IndexWriterConfig(KbAnalyzers.forIndexing(synonyms));
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			config.setCommitOnClose(true);
			this.writer = new IndexWriter(directory, config);
		}
		catch (LockObtainFailedException ex) {
			throw new IndexLockedException(dir, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the index in " + dir.toAbsolutePath(), ex);
		}
		try {
			this.manager = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			closeQuietly(writer);
			throw new UncheckedIOException(ex);
		}
		this.reopener = new ControlledRealTimeReopenThread<>(writer, manager, 0.5, 0.01);
		reopener.setName("kb-index-reopen");
		reopener.setDaemon(true);
		reopener.start();
	}

	public Path dir() {
		return dir;
	}

	public long upsert(SourceDocument document) {
		try {
			return writer.updateDocument(new Term(LuceneFields.ID, document.document().id()),
					mapper.toLucene(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public long delete(String id) {
		try {
			return writer.deleteDocuments(new Term(LuceneFields.ID, id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public long deleteAll() {
		try {
			return writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes everything written so far durable, recording {@code userData} with the commit. */
	public void commit(Map<String, String> userData) {
		try {
			Map<String, String> data = new HashMap<>(commitData());
			data.putAll(userData);
			writer.setLiveCommitData(data.entrySet());
			writer.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Map<String, String> commitData() {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
		if (live != null) {
			live.forEach(e -> data.put(e.getKey(), e.getValue()));
		}
		return data;
	}

	/** Blocks until searches see the write that returned {@code generation}. */
	public void waitFor(long generation) {
		try {
			reopener.waitForGeneration(generation);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the index", ex);
		}
	}

	<T> T withSnapshot(SnapshotFunction<T> function) {
		try {
			IndexSearcher searcher = manager.acquire();
			try {
				return function.apply(new Snapshot(searcher, facetState(searcher.getIndexReader()), facetsConfig,
						mapper, writer.getAnalyzer(), queryAnalyzer));
			}
			finally {
				manager.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Id → content hash of every document from the given origin: what start-up compares files
	 * with. Read from a doc-values column, not the stored fields, so checking an unchanged index
	 * does not decompress every stored document.
	 */
	public Map<String, String> storedHashes(SourceDocument.Origin origin) {
		return withSnapshot(snapshot -> {
			Map<String, String> hashes = new HashMap<>();
			Term term = new Term(LuceneFields.ORIGIN, origin.name());
			for (LeafReaderContext leaf : snapshot.searcher().getIndexReader().leaves()) {
				LeafReader reader = leaf.reader();
				PostingsEnum postings = reader.postings(term, PostingsEnum.NONE);
				BinaryDocValues keys = reader.getBinaryDocValues(LuceneFields.SYNC_KEY);
				if (postings == null || keys == null) {
					continue;
				}
				Bits live = reader.getLiveDocs();
				for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
					if ((live == null || live.get(doc)) && keys.advanceExact(doc)) {
						String key = keys.binaryValue().utf8ToString();
						int split = key.indexOf('\n');
						hashes.put(key.substring(0, split), key.substring(split + 1));
					}
				}
			}
			return hashes;
		});
	}

	public int documentCount() {
		return withSnapshot(snapshot -> snapshot.searcher().getIndexReader().numDocs());
	}

	/** Refreshes now instead of waiting for the reopen thread (used after bulk loads). */
	public void refresh() {
		try {
			manager.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
		// Order matters: stop refreshing, then release readers, then commit and close the writer.
		reopener.close();
		closeQuietly(manager);
		try {
			writer.close();
		}
		catch (IOException ex) {
			log.warn("Closing the index writer failed: {}", ex.getMessage());
		}
		closeQuietly(directory);
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), ex.getMessage());
		}
	}

	/** Another process (usually a running app) holds the index's write lock. */
	public static final class IndexLockedException extends IllegalStateException {
		IndexLockedException(Path dir, Throwable cause) {
			super("The index in " + dir.toAbsolutePath() + " is in use by another Interop KB process; stop it first",
					cause);
		}
	}
}
