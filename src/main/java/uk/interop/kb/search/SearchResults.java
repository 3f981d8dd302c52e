package uk.interop.kb.search;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of results with every facet's counts (drill-sideways), and what search made of the
 * query: {@code correctedQuery} when nothing matched what was typed and these are the results for the
 * spelling-corrected query instead ("Showing results for …"); {@code suggestion} when little matched and
 * a correction would find more ("Did you mean …?"); {@code suggestedFilters} for taxonomy concepts the
 * query names ("Filter by level: Semantic"), which were used to boost, never to filter; {@code reviewDueCount}, only
 * when the request shows the editors' review facet, how many documents matching everything else are due for review.
 */
public record SearchResults(SearchRequest request, long total, List<Hit> hits, List<FacetCounts> facets,
		Optional<String> suggestion, Optional<String> correctedQuery, List<SuggestedFilter> suggestedFilters,
		OptionalLong reviewDueCount) {

	public SearchResults {
		hits = List.copyOf(hits);
		facets = List.copyOf(facets);
		suggestedFilters = List.copyOf(suggestedFilters);
	}

	public SearchResults(SearchRequest request, long total, List<Hit> hits, List<FacetCounts> facets,
			Optional<String> suggestion) {
		this(request, total, hits, facets, suggestion, Optional.empty(), List.of(), OptionalLong.empty());
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

	/** A filter the query seems to ask for, offered as one click. */
	public record SuggestedFilter(Facet facet, String id, String label) {
	}
}
