package uk.interop.kb.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's {@code source:} text, split so that the web addresses in it can be shown as links and
 * the rest as text. Only http and https addresses are links.
 */
public record SourceText(List<Part> parts) {

	/** Trailing punctuation belongs to the sentence, not the address. */
	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+?(?=[.,;:)\\]]*(?:\\s|$))");

	/** Text, or an address ({@code url} set) shown as a link. */
	public record Part(String text, String url) {
		public boolean link() {
			return !url.isEmpty();
		}
	}

	static SourceText of(String source) {
		List<Part> parts = new ArrayList<>();
		Matcher matcher = URL.matcher(source);
		int last = 0;
		while (matcher.find()) {
			if (matcher.start() > last) {
				parts.add(new Part(source.substring(last, matcher.start()), ""));
			}
			parts.add(new Part(matcher.group(), matcher.group()));
			last = matcher.end();
		}
		if (last < source.length()) {
			parts.add(new Part(source.substring(last), ""));
		}
		return new SourceText(parts);
	}

	/** The first address given: where "Read the source" goes. */
	Optional<String> firstUrl() {
		return parts.stream().filter(Part::link).map(Part::url).findFirst();
	}
}
