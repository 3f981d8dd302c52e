package uk.interop.kb.assessment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.interop.kb.content.RenderedMarkdown;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.shared.StorageProperties;
import uk.interop.kb.taxonomy.Taxonomy;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssessmentProperties.class)
class AssessmentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AssessmentConfiguration.class);

	/**
	 * Loaded once at start-up, like the taxonomy. Handbook sections an indicator names are checked against the
	 * index (which is in step with {@code content/} before any reader exists), so a framework never links to a
	 * heading that is not there. A framework with problems is left out and logged; the app still starts.
	 */
	@Bean
	Frameworks frameworks(StorageProperties storage, Taxonomy taxonomy, DocumentListing listing) {
		FrameworkLoader loader = new FrameworkLoader(taxonomy, id -> listing.document(id, Audience.MEMBERS)
			.map(d -> d.headings().stream().map(RenderedMarkdown.Heading::id).toList()));
		Frameworks frameworks = new Frameworks(loader.load(storage.contentDir()));
		frameworks.problems().forEach(p -> log.warn("Assessment framework problem: {}", p.format()));
		log.info("Assessment frameworks offered: {}", frameworks.all().stream().map(f -> f.id() + " " + f.version())
			.toList());
		return frameworks;
	}
}
