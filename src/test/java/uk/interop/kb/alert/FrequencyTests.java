package uk.interop.kb.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrequencyTests {

	private final AlertProperties properties = new AlertProperties(Duration.ofMinutes(5), LocalTime.of(7, 0),
			ZoneId.of("Europe/London"), 20, 50);

	@Test
	void withinMinutesIsTheImmediateIntervalLater() {
		Instant now = Instant.parse("2027-03-03T10:00:00Z");
		assertThat(Frequency.IMMEDIATE.nextAfter(now, properties)).contains(Instant.parse("2027-03-03T10:05:00Z"));
		assertThat(Frequency.OFF.nextAfter(now, properties)).isEmpty();
	}

	@Test
	void dailyIsTheNextSevenInTheMorningInUkTimeAcrossTheClockChange() {
		// Winter: 07:00 in London is 07:00 UTC; after the clocks go forward (28 March 2027) it is 06:00 UTC.
		assertThat(Frequency.DAILY.nextAfter(Instant.parse("2027-03-03T06:59:00Z"), properties))
			.contains(Instant.parse("2027-03-03T07:00:00Z"));
		assertThat(Frequency.DAILY.nextAfter(Instant.parse("2027-03-03T07:00:00Z"), properties))
			.contains(Instant.parse("2027-03-04T07:00:00Z"));
		assertThat(Frequency.DAILY.nextAfter(Instant.parse("2027-03-28T12:00:00Z"), properties))
			.contains(Instant.parse("2027-03-29T06:00:00Z"));
	}

	@Test
	void weeklyIsTheNextMondayMorning() {
		// 3 March 2027 is a Wednesday; 8 March the next Monday.
		assertThat(Frequency.WEEKLY.nextAfter(Instant.parse("2027-03-03T10:00:00Z"), properties))
			.contains(Instant.parse("2027-03-08T07:00:00Z"));
		assertThat(Frequency.WEEKLY.nextAfter(Instant.parse("2027-03-08T06:00:00Z"), properties))
			.contains(Instant.parse("2027-03-08T07:00:00Z"));
		assertThat(Frequency.WEEKLY.nextAfter(Instant.parse("2027-03-08T07:00:00Z"), properties))
			.contains(Instant.parse("2027-03-15T07:00:00Z"));
	}
}
