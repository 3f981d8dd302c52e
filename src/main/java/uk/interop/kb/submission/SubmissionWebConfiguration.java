package uk.interop.kb.submission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.taxonomy.Taxonomy;

@Configuration(proxyBeanMethods = false)
class SubmissionWebConfiguration {

	@Bean
	SubmissionViews submissionViews(Taxonomy taxonomy, MarkdownRenderer renderer, RelatedDocuments related) {
		return new SubmissionViews(taxonomy, renderer, related);
	}
}
