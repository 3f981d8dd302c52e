package uk.interop.kb.search;

import java.util.List;
import java.util.Optional;

/** One page of results with every facet's counts (drill-sideways) and an optional spelling suggestion. */
public record SearchResults(SearchRequest request, long total, List<Hit> hits, List<FacetCounts> facets,
		Optional<String> suggestion) {

	public SearchResults {
		hits = List.copyOf(hits);
		facets = List.copyOf(facets);
	}

	public int totalPages() {
		long reachable = Math.min(total, SearchRequest.MAX_DEPTH);
		return (int) Math.max(1, (reachable + request.size() - 1) / request.size());
	}

	public Optional<FacetCounts> facet(Facet facet) {
		return facets.stream().filter(f -> f.facet() == facet).findFirst();
	}

	/** A result: metadata for the list plus a snippet that is already escaped HTML with {@code <mark>}s. */
	public record Hit(IndexedDocument document, String snippetHtml) {
	}

	public record FacetCounts(Facet facet, List<FacetValue> values) {
		public FacetCounts {
			values = List.copyOf(values);
		}

		public boolean anySelected() {
			return values.stream().anyMatch(FacetValue::selected);
		}
	}

	public record FacetValue(String id, String label, long count, boolean selected) {
	}
}
