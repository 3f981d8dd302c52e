package uk.interop.kb.search;

import java.util.Arrays;
import java.util.Optional;

import uk.interop.kb.taxonomy.Taxonomy;

/**
 * The facets a search can be narrowed by. {@link #param()} is the name in URLs, the JSON
 * API and the Lucene facet dimension; values are taxonomy concept ids (or a year).
 */
public enum Facet {
	LEVEL("level", Taxonomy.LEVELS, "Interoperability level"),
	THEME("theme", Taxonomy.THEMES, "Problem-book theme"),
	TYPE("type", Taxonomy.TYPES, "Document type"),
	PROVENANCE("provenance", Taxonomy.PROVENANCE, "Real or illustrative"),
	SOURCE_TYPE("source-type", Taxonomy.SOURCE_TYPES, "Source type"),
	ORGANISATION("organisation", Taxonomy.ORGANISATIONS, "Organisation"),
	SECTOR("sector", Taxonomy.SECTORS, "Sector"),
	OUTCOME("outcome", Taxonomy.OUTCOMES, "Outcome"),
	BARRIER("barrier", Taxonomy.BARRIERS, "Barrier"),
	YEAR("year", "", "Year published"),
	SOURCE_YEAR("source-year", "", "Year of source");

	private final String param;
	private final String vocabulary;
	private final String label;

	Facet(String param, String vocabulary, String label) {
		this.param = param;
		this.vocabulary = vocabulary;
		this.label = label;
	}

	public String param() {
		return param;
	}

	/** Values are years, not concepts: {@link #YEAR} and {@link #SOURCE_YEAR}. */
	public boolean isYear() {
		return vocabulary.isEmpty();
	}

	/** The taxonomy vocabulary its values come from; empty for the years. */
	public String vocabulary() {
		return vocabulary;
	}

	public String label() {
		return label;
	}

	public static Optional<Facet> fromParam(String param) {
		return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst();
	}
}
