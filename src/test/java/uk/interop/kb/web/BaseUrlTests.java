package uk.interop.kb.web;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code kb.base-url}: checked when given, required by the web app, built into absolute URLs. */
class BaseUrlTests {

	@Test
	void anAbsoluteAddressIsNormalisedAndPathsAreAppended() {
		BaseUrl base = new BaseUrl(URI.create("HTTPS://KB.Example.org:443/"));

		assertThat(base.value()).isEqualTo("https://kb.example.org");
		assertThat(base.of("/search?q=x")).isEqualTo("https://kb.example.org/search?q=x");
		assertThat(base.port()).isEqualTo(443);
		assertThat(new BaseUrl(URI.create("http://localhost:8080")).of("/")).isEqualTo("http://localhost:8080/");
	}

	@Test
	void badAddressesAreRefusedWithTheReason() {
		for (String bad : new String[] { "kb.example.org", "ftp://kb.example.org", "https://kb.example.org/kb",
				"https://kb.example.org/?x=1", "https://user@kb.example.org", "https://kb.example.org/#top" }) {
			assertThatThrownBy(() -> new WebProperties(URI.create(bad))).as(bad)
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kb.base-url");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WebProperties.class)
	@Import(BaseUrlConfiguration.class)
	static class OnlyBaseUrl {
	}

	@Test
	void theCommandsStartWithoutIt() {
		try (var command = new SpringApplicationBuilder(OnlyBaseUrl.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off").run()) {
			assertThat(command.getBean(BaseUrl.class).value()).isEqualTo("http://localhost");
		}
	}

	@Test
	void aWebContextWithoutItFailsSayingWhatToSet() {
		var context = new AnnotationConfigServletWebApplicationContext();
		context.register(OnlyBaseUrl.class);
		assertThatThrownBy(context::refresh).hasStackTraceContaining("kb.base-url is not set")
			.hasStackTraceContaining("KB_BASE_URL");
		context.close();
	}
}
