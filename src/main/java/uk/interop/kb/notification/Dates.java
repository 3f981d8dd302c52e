package uk.interop.kb.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times in messages as GOV.UK writes them, in UK time: "3 March 2027 at 2:15pm". */
final class Dates {

	private static final ZoneId UK = ZoneId.of("Europe/London");
	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

	private Dates() {
	}

	static String of(Instant instant) {
		return FORMAT.format(instant.atZone(UK)).replace("AM", "am").replace("PM", "pm").replace("a.m.", "am")
			.replace("p.m.", "pm");
	}
}
