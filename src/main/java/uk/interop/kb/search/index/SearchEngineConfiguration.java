package uk.interop.kb.search.index;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.search.Completions;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.DocumentSource;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.IndexMaintenance;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.search.SearchProperties;
import uk.interop.kb.shared.StorageProperties;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * The engine's beans. Every reading service is made after the {@link ContentIndexer}'s start-up sync,
 * so nothing can search a stale index.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SearchEngineConfiguration {

	/** The sentence-embedding model, loaded once; lexical only when turned off or when it cannot load. */
	@Bean
	SentenceEmbeddings.Loaded embeddings(SearchProperties properties, StorageProperties storage) {
		java.nio.file.Path cache = properties.semantic().cacheDir() == null ? storage.embeddingsDir()
				: properties.semantic().cacheDir();
		return properties.semantic().enabled() ? SentenceEmbeddings.load(cache)
				: new SentenceEmbeddings.Loaded(Embeddings.NONE, java.util.Optional.of("turned off (kb.search.semantic.enabled=false)"));
	}

	@Bean
	SemanticHealthIndicator semanticHealthIndicator(SentenceEmbeddings.Loaded embeddings) {
		return new SemanticHealthIndicator(embeddings);
	}

	@Bean(destroyMethod = "close")
	SearchIndex searchIndex(StorageProperties storage, Taxonomy taxonomy, SentenceEmbeddings.Loaded embeddings) {
		return new SearchIndex(storage.luceneDir(), taxonomy, embeddings.embeddings());
	}

	/** Built with a sync so nothing can search a stale index; the reindex command turns the sync off. */
	@Bean
	ContentIndexer contentIndexer(SearchIndex index, ContentLoader loader, Taxonomy taxonomy,
			SearchProperties properties, List<DocumentSource> sources) {
		ContentIndexer indexer = new ContentIndexer(index, loader, taxonomy.fingerprint(), sources);
		if (properties.syncOnStart()) {
			indexer.sync();
		}
		return indexer;
	}

	@Bean
	DatabaseDocumentIndexer databaseDocumentIndexer(SearchIndex index, List<DocumentSource> sources,
			ContentIndexer startedIndexer) {
		return new DatabaseDocumentIndexer(index, sources);
	}

	@Bean
	IndexRecovery indexRecovery(SearchIndex index, ContentIndexer indexer) {
		return new IndexRecovery(index, indexer);
	}

	@Bean
	IndexHealthIndicator indexHealthIndicator(SearchIndex index) {
		return new IndexHealthIndicator(index);
	}

	@Bean
	IndexMaintenance indexMaintenance(SearchIndex index, ContentIndexer indexer) {
		return new IndexMaintenance(index, indexer);
	}

	/** Index gauges: documents, bytes on disk, and database changes the index does not show yet. */
	@Bean
	MeterBinder indexMetrics(SearchIndex index, ContentIndexer indexer) {
		return registry -> {
			Gauge.builder("kb.index.documents", index, SearchIndex::documentCount)
				.description("Documents in the search index").register(registry);
			Gauge.builder("kb.index.size", index, SearchIndex::sizeOnDisk).baseUnit("bytes")
				.description("Bytes the search index takes on disk").register(registry);
			Gauge.builder("kb.index.unindexed", indexer, ContentIndexer::unindexedChanges)
				.description("Published database documents whose indexed version differs from the database's")
				.register(registry);
		};
	}

	@Bean
	FacetLabels facetLabels(Taxonomy taxonomy) {
		return new FacetLabels(taxonomy);
	}

	@Bean
	FacetedSearch facetedSearch(SearchIndex index, FacetLabels labels, ContentIndexer startedIndexer) {
		return new FacetedSearch(index, labels);
	}

	@Bean
	DocumentListing documentListing(SearchIndex index, ContentIndexer startedIndexer) {
		return new DocumentListing(index);
	}

	@Bean
	RelatedDocuments relatedDocuments(SearchIndex index, ContentIndexer startedIndexer) {
		return new RelatedDocuments(index);
	}

	@Bean
	Completions completions(SearchIndex index, Taxonomy taxonomy, ContentIndexer startedIndexer) {
		return new Completions(index, taxonomy);
	}
}
