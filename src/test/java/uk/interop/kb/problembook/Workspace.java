package uk.interop.kb.problembook;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.cluster.ChangeLog;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.DatabaseDocumentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.support.AfterCommitEvents;
import uk.interop.kb.support.TestDatabase;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/**
 * The whole workspace wired by hand, as the app wires it, over a content folder, a real Lucene
 * index in a temp folder and a fresh H2 database with the real migrations.
 */
final class Workspace implements AutoCloseable {

	final Taxonomy taxonomy;
	final JdbcClient jdbc;
	final SearchIndex index;
	final ContentIndexer indexer;
	final FacetedSearch search;
	final EntryRepository entries;
	final MappingRepository ledger;
	final ProblemBook book;
	final MappingEditor editor;
	final LevelSuggester suggester;
	final AuditLog audit;

	Workspace(Path content, Path indexDir) {
		this(content, indexDir, TestDatabase.fresh());
	}

	Workspace(Path content, Path indexDir, JdbcClient jdbc) {
		this.taxonomy = new TaxonomyLoader().load(content.resolve("taxonomy"));
		this.jdbc = jdbc;
		MarkdownRenderer renderer = new MarkdownRenderer();
		this.index = new SearchIndex(indexDir, taxonomy);
		this.entries = new EntryRepository(jdbc);
		this.ledger = new MappingRepository(jdbc);
		EntryDocuments documents = new EntryDocuments(entries, ledger, renderer, taxonomy);
		this.indexer = new ContentIndexer(index, new ContentLoader(content, taxonomy, renderer), taxonomy.fingerprint(),
				List.of(documents));
		indexer.sync();
		this.search = new FacetedSearch(index, new FacetLabels(taxonomy));
		RelatedDocuments related = new RelatedDocuments(index);
		this.book = new ProblemBook(search, new DocumentListing(index), related, taxonomy, entries, ledger);
		this.audit = new AuditLog(jdbc, Clock.systemUTC());
		AfterCommitEvents events = new AfterCommitEvents(new ChangeLog(jdbc, Clock.systemUTC()),
				new DatabaseDocumentIndexer(index, List.of(documents)));
		this.editor = new MappingEditor(book, ledger, entries, audit, taxonomy, Clock.systemUTC(),
				TransactionOperations.withoutTransaction(), events);
		this.suggester = new LevelSuggester(related, taxonomy);
	}

	private static final Path SHIPPED_TEMPLATE = Path.of("target/test-index/problembook-shipped");
	private static boolean templateReady;

	/**
	 * A copy of an index of the shipped content, so each test starts from the same index without
	 * rendering and indexing every file again. The template is kept in step by an ordinary sync.
	 */
	static synchronized Path shippedIndexCopy(Path target) {
		if (!templateReady) {
			try (Workspace template = new Workspace(uk.interop.kb.support.TestContent.REAL_CONTENT, SHIPPED_TEMPLATE)) {
				templateReady = true;
			}
		}
		try (var files = java.nio.file.Files.walk(SHIPPED_TEMPLATE)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(SHIPPED_TEMPLATE.relativize(file).toString());
				if (java.nio.file.Files.isDirectory(file)) {
					java.nio.file.Files.createDirectories(copy);
				}
				else if (!file.getFileName().toString().equals("write.lock")) {
					java.nio.file.Files.copy(file, copy);
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return target;
	}

	static final MappingEditor.Editor EDITOR = new MappingEditor.Editor("editor@test.example", "Test Editor");

	long ledgerRows(String reference) {
		return jdbc.sql("select count(*) from problem_book_mapping where entry_reference = :r").param("r", reference)
			.query(Long.class).single();
	}

	@Override
	public void close() {
		index.close();
	}
}
