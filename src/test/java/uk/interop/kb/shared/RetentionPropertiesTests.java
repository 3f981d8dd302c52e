package uk.interop.kb.shared;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPropertiesTests {

	@Test
	void aPeriodOutsideOneDayToTenYearsStopsStartUpNamingTheProperty() {
		assertThatThrownBy(() -> new RetentionProperties(Duration.ofHours(2), Duration.ofDays(7), Duration.ofDays(90),
				Duration.ofDays(365))).hasMessageContaining("kb.retention.audit-log");
		assertThatThrownBy(() -> new RetentionProperties(Duration.ofDays(365), Duration.ofDays(7), Duration.ofDays(4000),
				Duration.ofDays(365))).hasMessageContaining("kb.retention.email");
		assertThat(new RetentionProperties(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(3660),
				Duration.ofDays(30)).feedback()).isEqualTo(Duration.ofDays(30));
	}

	@Test
	void periodsReadAsDays() {
		assertThat(RetentionProperties.describe(Duration.ofDays(1))).isEqualTo("1 day");
		assertThat(RetentionProperties.describe(Duration.ofDays(365))).isEqualTo("365 days");
	}
}
