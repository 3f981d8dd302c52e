package uk.interop.kb.taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One subject of the SKOS graph (a scheme or a concept): its URI, its type as a prefixed name
 * and its values by property, in {@link SkosProperty} order. Turtle and JSON-LD both write
 * these, so the two downloads cannot drift apart.
 */
record SkosNode(String id, String type, Map<SkosProperty, List<String>> values) {

	SkosNode {
		EnumMap<SkosProperty, List<String>> copy = new EnumMap<>(SkosProperty.class);
		values.forEach((property, list) -> copy.put(property, List.copyOf(list)));
		values = Collections.unmodifiableMap(copy);
	}

	static Builder builder(String id, String type) {
		return new Builder(id, type);
	}

	static final class Builder {

		private final String id;
		private final String type;
		private final Map<SkosProperty, List<String>> values = new EnumMap<>(SkosProperty.class);

		private Builder(String id, String type) {
			this.id = id;
			this.type = type;
		}

		/** Empty text is no statement at all: SKOS has no use for {@code skos:scopeNote ""}. */
		Builder add(SkosProperty property, String value) {
			if (!value.isEmpty()) {
				values.computeIfAbsent(property, p -> new ArrayList<>()).add(value);
			}
			return this;
		}

		Builder addAll(SkosProperty property, List<String> values) {
			values.forEach(value -> add(property, value));
			return this;
		}

		SkosNode build() {
			return new SkosNode(id, type, values);
		}
	}
}
