package uk.interop.kb.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All controlled vocabularies plus the search synonyms, as loaded from {@code content/taxonomy/}.
 * Immutable: a change to the files means a new instance (and a rebuild of the index).
 */
public record Taxonomy(Map<String, Vocabulary> vocabularies, String synonyms, String fingerprint) {

	public static final String LEVELS = "levels";
	public static final String THEMES = "themes";
	public static final String TYPES = "types";
	public static final String ORGANISATIONS = "organisations";
	public static final String SECTORS = "sectors";
	public static final String OUTCOMES = "outcomes";
	public static final String BARRIERS = "barriers";
	public static final String SOURCE_TYPES = "source-types";
	public static final String PROVENANCE = "provenance";

	/** The vocabularies every content tree needs, in the order pages show them. */
	public static final List<String> REQUIRED = List.of(LEVELS, THEMES, TYPES, ORGANISATIONS, SECTORS, OUTCOMES,
			BARRIERS, SOURCE_TYPES, PROVENANCE);

	public Taxonomy {
		vocabularies = Map.copyOf(vocabularies);
	}

	public Vocabulary vocabulary(String id) {
		return vocabularies.getOrDefault(id, Vocabulary.empty(id));
	}

	public Vocabulary levels() {
		return vocabulary(LEVELS);
	}

	public Vocabulary themes() {
		return vocabulary(THEMES);
	}

	public Optional<Concept> level(String id) {
		return levels().concept(id);
	}

	public Optional<Concept> theme(String id) {
		return themes().concept(id);
	}

	public List<Vocabulary> inOrder() {
		return REQUIRED.stream().map(this::vocabulary).toList();
	}
}
