package uk.interop.kb.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A controlled vocabulary (SKOS concept scheme): one file in {@code content/taxonomy/}. */
public record Vocabulary(String id, String label, String description, boolean proposal, List<Concept> concepts) {

	public Vocabulary {
		concepts = List.copyOf(concepts);
	}

	public Optional<Concept> concept(String conceptId) {
		return concepts.stream().filter(c -> c.id().equals(conceptId)).findFirst();
	}

	public boolean contains(String conceptId) {
		return concept(conceptId).isPresent();
	}

	/** The label of an id, or the id itself when it is not in the vocabulary. */
	public String label(String conceptId) {
		return concept(conceptId).map(Concept::label).orElse(conceptId);
	}

	public Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		concepts.forEach(c -> labels.put(c.id(), c.label()));
		return labels;
	}

	public static Vocabulary empty(String id) {
		return new Vocabulary(id, id, "", false, List.of());
	}
}
