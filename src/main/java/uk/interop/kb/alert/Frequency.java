package uk.interop.kb.alert;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** How often a saved search emails what is new. */
public enum Frequency {
	OFF("No alerts", "Do not email me"),
	IMMEDIATE("Within minutes", "As soon as something new matches (gathered within a few minutes)"),
	DAILY("Daily", "One email a day, when there is something new"),
	WEEKLY("Weekly", "One email a week, on Mondays, when there is something new");

	private final String label;
	private final String hint;

	Frequency(String label, String hint) {
		this.label = label;
		this.hint = hint;
	}

	public String label() {
		return label;
	}

	public String hint() {
		return hint;
	}

	static Optional<Frequency> parse(String name) {
		return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
	}

	/** When an alert set now is next looked at; empty when off. */
	Optional<Instant> nextAfter(Instant now, AlertProperties properties) {
		ZoneId zone = properties.zone();
		LocalTime at = properties.sendAt();
		return switch (this) {
			case OFF -> Optional.empty();
			case IMMEDIATE -> Optional.of(now.plus(properties.immediateInterval()));
			case DAILY -> {
				ZonedDateTime today = now.atZone(zone).with(at);
				yield Optional.of((today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant());
			}
			case WEEKLY -> {
				ZonedDateTime monday = now.atZone(zone).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).with(at);
				yield Optional.of((monday.toInstant().isAfter(now) ? monday : monday.plusWeeks(1)).toInstant());
			}
		};
	}
}
