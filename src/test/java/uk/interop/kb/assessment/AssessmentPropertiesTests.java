package uk.interop.kb.assessment;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's minimum: five by default, more if configured, never fewer (the app does not start). */
class AssessmentPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void theMinimumIsFiveByDefaultAndCanBeRaised() {
		runner.run(context -> assertThat(context.getBean(AssessmentProperties.class).benchmarkMinimum()).isEqualTo(5));
		runner.withPropertyValues("kb.assessment.benchmark-minimum=8")
			.run(context -> assertThat(context.getBean(AssessmentProperties.class).benchmarkMinimum()).isEqualTo(8));
	}

	@Test
	void fewerThanFiveStopsStartUp() {
		runner.withPropertyValues("kb.assessment.benchmark-minimum=4").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("kb.assessment");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AssessmentProperties.class)
	static class PropertiesOnly {
	}
}
