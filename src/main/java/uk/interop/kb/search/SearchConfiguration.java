package uk.interop.kb.search;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.StorageProperties;
import uk.interop.kb.taxonomy.Taxonomy;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	SearchIndex searchIndex(StorageProperties storage, Taxonomy taxonomy) {
		return new SearchIndex(storage.indexDir(), taxonomy.synonyms());
	}

	/** Built with a sync so nothing can search a stale index; the reindex command turns the sync off. */
	@Bean
	ContentIndexer contentIndexer(SearchIndex index, ContentLoader loader, Taxonomy taxonomy,
			SearchProperties properties, java.util.List<DocumentSource> sources) {
		ContentIndexer indexer = new ContentIndexer(index, loader, taxonomy.fingerprint(), sources);
		if (properties.syncOnStart()) {
			indexer.sync();
		}
		return indexer;
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
	FilterRegistrationBean<SearchTimingFilter> searchTiming(MeterRegistry registry) {
		FilterRegistrationBean<SearchTimingFilter> registration = new FilterRegistrationBean<>(
				new SearchTimingFilter(registry));
		registration.addUrlPatterns("/search", "/api/v1/search");
		return registration;
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
	SearchService searchService(SearchIndex index, Taxonomy taxonomy, ContentIndexer startedIndexer) {
		return new SearchService(index, taxonomy);
	}

	@Bean
	SearchRequestParser searchRequestParser(Taxonomy taxonomy) {
		return new SearchRequestParser(taxonomy);
	}

	@Bean
	FilterRegistrationBean<SearchRateLimitFilter> searchRateLimit(SearchProperties properties, Clock clock) {
		FilterRegistrationBean<SearchRateLimitFilter> registration = new FilterRegistrationBean<>(
				new SearchRateLimitFilter(new SearchRateLimiter(properties.searchesPerMinute(), properties.burst(), clock)));
		registration.addUrlPatterns("/search", "/api/v1/search");
		return registration;
	}
}
