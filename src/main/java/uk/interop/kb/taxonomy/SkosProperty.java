package uk.interop.kb.taxonomy;

/**
 * The RDF properties the SKOS publication uses, in the order Turtle writes them. Each has a
 * prefixed name for Turtle and a short term for the JSON-LD context; a link's values are URIs,
 * anything else is English text.
 */
enum SkosProperty {

	TITLE("dct:title", "title", false, false),
	DESCRIPTION("dct:description", "description", false, false),
	EDITORIAL_NOTE("skos:editorialNote", "editorialNote", false, false),
	PREF_LABEL("skos:prefLabel", "prefLabel", false, false),
	ALT_LABEL("skos:altLabel", "altLabel", false, true),
	DEFINITION("skos:definition", "definition", false, false),
	SCOPE_NOTE("skos:scopeNote", "scopeNote", false, false),
	IN_SCHEME("skos:inScheme", "inScheme", true, false),
	TOP_CONCEPT_OF("skos:topConceptOf", "topConceptOf", true, false),
	BROADER("skos:broader", "broader", true, false),
	RELATED("skos:related", "related", true, true),
	HAS_TOP_CONCEPT("skos:hasTopConcept", "hasTopConcept", true, true);

	private final String prefixedName;
	private final String term;
	private final boolean link;
	private final boolean repeatable;

	SkosProperty(String prefixedName, String term, boolean link, boolean repeatable) {
		this.prefixedName = prefixedName;
		this.term = term;
		this.link = link;
		this.repeatable = repeatable;
	}

	String prefixedName() {
		return prefixedName;
	}

	String term() {
		return term;
	}

	boolean link() {
		return link;
	}

	/** Usually has several values, so JSON-LD always writes it as an array. */
	boolean repeatable() {
		return repeatable;
	}
}
