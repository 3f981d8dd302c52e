package uk.interop.kb.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes SKOS nodes as Turtle (RDF 1.1): prefixes, then one block per subject. */
final class TurtleFormat {

	private static final String INDENT = "    ";

	private TurtleFormat() {
	}

	static String write(Map<String, String> prefixes, List<SkosNode> nodes) {
		StringBuilder out = new StringBuilder();
		prefixes.forEach((prefix, namespace) -> out.append("@prefix ").append(prefix).append(": ")
			.append(iri(namespace)).append(" .\n"));
		for (SkosNode node : nodes) {
			out.append('\n').append(iri(node.id())).append(" a ").append(node.type());
			node.values().forEach((property, values) -> out.append(" ;\n").append(INDENT)
				.append(property.prefixedName()).append(' ')
				.append(values.stream().map(value -> property.link() ? iri(value) : text(value))
					.collect(Collectors.joining(", "))));
			out.append(" .\n");
		}
		return out.toString();
	}

	/** Callers pass only URIs built from checked parts, which cannot hold {@code <>"{}|^`\} or spaces. */
	static String iri(String uri) {
		return "<" + uri + ">";
	}

	static String text(String value) {
		return quote(value) + "@en";
	}

	/**
	 * A Turtle {@code STRING_LITERAL_QUOTE}: the characters the grammar forbids raw (quote,
	 * backslash, line breaks) and every other control character are escaped; everything else,
	 * non-ASCII included, is written as it is (the document is UTF-8).
	 */
	static String quote(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		value.codePoints().forEach(c -> {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						out.append(String.format("\\u%04X", c));
					}
					else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
						// A lone surrogate is no character at all: RDF cannot carry it.
						out.append('\uFFFD');
					}
					else {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.append('"').toString();
	}
}
