package uk.interop.kb.content;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.interop.kb.shared.StorageProperties;
import uk.interop.kb.taxonomy.Taxonomy;

@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

	@Bean
	MarkdownRenderer markdownRenderer() {
		return new MarkdownRenderer();
	}

	@Bean
	ContentLoader contentLoader(StorageProperties storage, Taxonomy taxonomy, MarkdownRenderer renderer) {
		return new ContentLoader(storage.contentDir(), taxonomy, renderer);
	}
}
