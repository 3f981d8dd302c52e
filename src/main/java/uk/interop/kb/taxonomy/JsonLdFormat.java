package uk.interop.kb.taxonomy;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes SKOS nodes as one JSON-LD document: a {@code @context} that maps short terms to SKOS and
 * Dublin Core (text terms tagged {@code @language: en}, links typed {@code @id}), then an
 * {@code @graph} with one object per scheme and concept.
 */
final class JsonLdFormat {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private JsonLdFormat() {
	}

	static String write(Map<String, String> prefixes, List<SkosNode> nodes) {
		ObjectNode document = MAPPER.createObjectNode();
		ObjectNode context = document.putObject("@context");
		prefixes.forEach(context::put);
		for (SkosProperty property : SkosProperty.values()) {
			ObjectNode term = context.putObject(property.term());
			term.put("@id", property.prefixedName());
			if (property.link()) {
				term.put("@type", "@id");
			}
			else {
				term.put("@language", "en");
			}
			if (property.repeatable()) {
				term.put("@container", "@set");
			}
		}
		ArrayNode graph = document.putArray("@graph");
		for (SkosNode node : nodes) {
			ObjectNode object = graph.addObject();
			object.put("@id", node.id());
			object.put("@type", node.type());
			node.values().forEach((property, values) -> {
				if (property.repeatable() || values.size() > 1) {
					ArrayNode array = object.putArray(property.term());
					values.forEach(array::add);
				}
				else {
					object.put(property.term(), values.get(0));
				}
			});
		}
		return MAPPER.writeValueAsString(document) + "\n";
	}
}
