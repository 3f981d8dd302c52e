package uk.interop.kb.taxonomy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Publishes a {@link Taxonomy} as a W3C SKOS concept scheme, in Turtle and in JSON-LD. Each
 * vocabulary is a {@code skos:ConceptScheme} at {@code <base><scheme>}; each concept a
 * {@code skos:Concept} at {@code <base><scheme>/<concept>}. Ids are stable (the content guide
 * says never rename one), so the URIs are too.
 */
public final class SkosWriter {

	public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
	public static final String DCT = "http://purl.org/dc/terms/";
	public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

	static final String PROPOSAL_NOTE = "Proposal: this list was drafted for Interop KB and the forum can edit, "
			+ "merge or replace it.";

	private static final Map<String, String> PREFIXES = Collections
		.unmodifiableMap(new TreeMap<>(Map.of("skos", SKOS, "dct", DCT, "rdfs", RDFS)));
	// The loader allows only these in ids; checked again here because a URI is built from them.
	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
	private static final String SECTOR = "sector";

	private final URI baseUri;

	public SkosWriter(URI baseUri) {
		this.baseUri = TaxonomyProperties.checked(baseUri);
	}

	public String turtle(Taxonomy taxonomy) {
		return TurtleFormat.write(PREFIXES, nodes(taxonomy));
	}

	public String jsonLd(Taxonomy taxonomy) {
		return JsonLdFormat.write(PREFIXES, nodes(taxonomy));
	}

	public URI schemeUri(String schemeId) {
		return URI.create(baseUri + checkedId(schemeId));
	}

	public URI conceptUri(String schemeId, String conceptId) {
		return URI.create(schemeUri(schemeId) + "/" + checkedId(conceptId));
	}

	/** Schemes in page order, each followed by its concepts in file order; absent (empty) vocabularies are left out. */
	List<SkosNode> nodes(Taxonomy taxonomy) {
		Vocabulary sectors = taxonomy.vocabulary(Taxonomy.SECTORS);
		List<SkosNode> nodes = new ArrayList<>();
		for (Vocabulary vocabulary : taxonomy.inOrder()) {
			if (vocabulary.concepts().isEmpty()) {
				continue;
			}
			nodes.add(scheme(vocabulary));
			vocabulary.concepts().forEach(concept -> nodes.add(concept(vocabulary, concept, sectors)));
		}
		return nodes;
	}

	private SkosNode scheme(Vocabulary vocabulary) {
		SkosNode.Builder scheme = SkosNode.builder(schemeUri(vocabulary.id()).toString(), "skos:ConceptScheme")
			.add(SkosProperty.TITLE, vocabulary.label())
			.add(SkosProperty.DESCRIPTION, vocabulary.description());
		if (vocabulary.proposal()) {
			scheme.add(SkosProperty.EDITORIAL_NOTE, PROPOSAL_NOTE);
		}
		vocabulary.concepts().stream().filter(concept -> concept.broader().isEmpty())
			.forEach(top -> scheme.add(SkosProperty.HAS_TOP_CONCEPT, conceptUri(vocabulary.id(), top.id()).toString()));
		return scheme.build();
	}

	private SkosNode concept(Vocabulary vocabulary, Concept concept, Vocabulary sectors) {
		String schemeUri = schemeUri(vocabulary.id()).toString();
		SkosNode.Builder node = SkosNode.builder(conceptUri(vocabulary.id(), concept.id()).toString(), "skos:Concept")
			.add(SkosProperty.PREF_LABEL, concept.label())
			.addAll(SkosProperty.ALT_LABEL, concept.altLabels())
			.add(SkosProperty.DEFINITION, concept.definition())
			.add(SkosProperty.SCOPE_NOTE, concept.scopeNote())
			.add(SkosProperty.IN_SCHEME, schemeUri);
		if (concept.broader().isEmpty()) {
			node.add(SkosProperty.TOP_CONCEPT_OF, schemeUri);
		}
		else {
			node.add(SkosProperty.BROADER, conceptUri(vocabulary.id(), concept.broader()).toString());
		}
		sectorIds(concept).stream().filter(sectors::contains)
			.forEach(sector -> node.add(SkosProperty.RELATED, conceptUri(Taxonomy.SECTORS, sector).toString()));
		return node.build();
	}

	/** An organisation's {@code sector}: one id, or a list of them. */
	private static List<String> sectorIds(Concept concept) {
		List<String> list = concept.list(SECTOR);
		if (!list.isEmpty()) {
			return list;
		}
		String one = concept.text(SECTOR);
		return one.isEmpty() ? List.of() : List.of(one);
	}

	private static String checkedId(String id) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("Not a taxonomy id (lower-case letters, digits, hyphens): '" + id + "'");
		}
		return id;
	}
}
