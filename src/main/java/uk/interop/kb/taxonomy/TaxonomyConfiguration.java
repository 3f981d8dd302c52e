package uk.interop.kb.taxonomy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.interop.kb.shared.StorageProperties;

@Configuration(proxyBeanMethods = false)
class TaxonomyConfiguration {

	/** Loaded once at start-up; a broken taxonomy stops the app with a message naming the file. */
	@Bean
	Taxonomy taxonomy(StorageProperties storage) {
		return new TaxonomyLoader().load(storage.taxonomyDir());
	}

	@Bean
	SkosWriter skosWriter(TaxonomyProperties properties) {
		return new SkosWriter(properties.baseUri());
	}
}
