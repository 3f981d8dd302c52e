package uk.interop.kb.problembook;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Problem-book references: {@code PB-} and at least three digits. */
final class References {

	private static final Pattern REFERENCE = Pattern.compile("PB-(\\d{3,9})");

	private References() {
	}

	static String format(int number) {
		return String.format(Locale.ROOT, "PB-%03d", number);
	}

	static int number(String reference) {
		Matcher matcher = REFERENCE.matcher(reference);
		return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
	}

	/** The canonical form of what someone typed in a URL ({@code pb-1} is not accepted; {@code pb-001} is). */
	static String normalise(String text) {
		String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
		return REFERENCE.matcher(upper).matches() ? upper : "";
	}
}
