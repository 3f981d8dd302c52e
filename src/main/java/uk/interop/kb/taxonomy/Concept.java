package uk.interop.kb.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * One controlled value. {@code extra} holds the scheme-specific keys (a level's
 * {@code summary}, {@code handbook}, {@code indicators}; an organisation's {@code sector}).
 */
public record Concept(String id, String label, List<String> altLabels, String definition, String scopeNote,
		String broader, Map<String, Object> extra) {

	public Concept {
		altLabels = List.copyOf(altLabels);
		extra = Map.copyOf(extra);
	}

	public String text(String key) {
		Object value = extra.get(key);
		return value == null ? "" : value.toString();
	}

	public List<String> list(String key) {
		return extra.get(key) instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
	}
}
