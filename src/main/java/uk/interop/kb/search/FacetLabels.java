package uk.interop.kb.search;

import uk.interop.kb.taxonomy.Taxonomy;

/** A facet value's label for people: the taxonomy concept's label, or the year itself. */
public final class FacetLabels {

	private final Taxonomy taxonomy;

	public FacetLabels(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	public String label(Facet facet, String id) {
		return facet.isYear() ? id : taxonomy.vocabulary(facet.vocabulary()).label(id);
	}

	public Taxonomy taxonomy() {
		return taxonomy;
	}
}
