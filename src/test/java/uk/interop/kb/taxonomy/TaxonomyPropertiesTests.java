package uk.interop.kb.taxonomy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void baseUriDefaultsToTheExampleNamespace() {
		runner.run(context -> assertThat(context.getBean(TaxonomyProperties.class).baseUri())
			.isEqualTo(URI.create("https://interop-kb.example/taxonomy/")));
	}

	@Test
	void baseUriCanBeConfigured() {
		runner.withPropertyValues("kb.taxonomy.base-uri=https://w3id.org/interop-kb/taxonomy/")
			.run(context -> assertThat(context.getBean(TaxonomyProperties.class).baseUri())
				.isEqualTo(URI.create("https://w3id.org/interop-kb/taxonomy/")));
	}

	@Test
	void startupFailsWhenBaseUriDoesNotEndInASlash() {
		assertStartupFails("https://interop-kb.example/taxonomy");
	}

	@Test
	void startupFailsWhenBaseUriIsRelative() {
		assertStartupFails("/taxonomy/");
	}

	@Test
	void startupFailsWhenBaseUriHasAQueryOrFragment() {
		assertStartupFails("https://interop-kb.example/taxonomy?v=/");
		assertStartupFails("https://interop-kb.example/taxonomy#/");
	}

	private void assertStartupFails(String baseUri) {
		runner.withPropertyValues("kb.taxonomy.base-uri=" + baseUri).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("kb.taxonomy.base-uri");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TaxonomyProperties.class)
	static class PropertiesOnly {
	}
}
