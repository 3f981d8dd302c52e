package uk.interop.kb.search.web;

import java.util.ArrayList;
import java.util.List;

import uk.interop.kb.search.Facet;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.SearchResults;

/** What the results page shows, with every link worked out so the template only lays it out. */
public record SearchPage(SearchResults results, List<SelectedFilter> selected, String clearUrl,
		List<PageLink> pages, String previousUrl, String nextUrl, String suggestionUrl, String exactUrl,
		List<SuggestedFilter> suggestedFilters) {

	/** A ticked filter, shown as "group: label" with the link that removes it. */
	public record SelectedFilter(String group, String id, String label, String removeUrl) {
	}

	/** The editors' review group's heading and its one checkbox's label. */
	static final String REVIEW_GROUP = "Review";
	static final String REVIEW_DUE_LABEL = "Due for review";

	/** "Filter by level: Semantic": a filter the query seems to ask for, with the link that ticks it. */
	public record SuggestedFilter(Facet facet, String label, String url) {
		public String text() {
			return "Filter by " + facet.label().toLowerCase(java.util.Locale.ROOT) + ": " + label;
		}
	}

	/** A pagination item: a number with its link, or an ellipsis ({@code number == 0}). */
	public record PageLink(int number, String url, boolean current) {
		public String cssClass() {
			String base = "govuk-pagination__item";
			return number == 0 ? base + " " + base + "--ellipses" : current ? base + " " + base + "--current" : base;
		}
	}

	static SearchPage of(SearchResults results) {
		SearchRequest request = results.request();
		List<SelectedFilter> selected = new ArrayList<>();
		for (SearchResults.FacetCounts counts : results.facets()) {
			for (SearchResults.FacetValue value : counts.values()) {
				if (value.selected()) {
					selected.add(new SelectedFilter(counts.facet().label(), value.id(), value.label(),
							SearchUrls.without(request, counts.facet(), value.id())));
				}
			}
		}
		if (request.review().dueOnly()) {
			selected.add(new SelectedFilter(REVIEW_GROUP, SearchRequestParser.REVIEW_DUE, REVIEW_DUE_LABEL,
					SearchUrls.withoutReviewDue(request)));
		}
		int current = request.page();
		int last = results.totalPages();
		List<PageLink> pages = new ArrayList<>();
		for (int n = 1; n <= last; n++) {
			if (n == 1 || n == last || Math.abs(n - current) <= 1) {
				pages.add(new PageLink(n, SearchUrls.page(request, n), n == current));
			}
			else if (pages.isEmpty() || pages.get(pages.size() - 1).number() != 0) {
				pages.add(new PageLink(0, "", false));
			}
		}
		String previous = current > 1 ? SearchUrls.page(request, current - 1) : "";
		String next = current < last ? SearchUrls.page(request, current + 1) : "";
		String suggestion = results.suggestion().map(s -> SearchUrls.forQuery(request, s)).orElse("");
		String exact = results.correctedQuery().isPresent() ? SearchUrls.exactly(request) : "";
		List<SuggestedFilter> suggested = results.suggestedFilters().stream()
			.map(f -> new SuggestedFilter(f.facet(), f.label(), SearchUrls.with(request, f.facet(), f.id())))
			.toList();
		return new SearchPage(results, selected, SearchUrls.clearFilters(request), last > 1 ? pages : List.of(),
				previous, next, suggestion, exact, suggested);
	}

	/** Editors only: whether the "Review" group, with its one checkbox "Due for review (N)", is shown. */
	public boolean showsReview() {
		return results.reviewDueCount().isPresent();
	}

	public long reviewDueCount() {
		return results.reviewDueCount().orElse(0);
	}

	public boolean reviewDueSelected() {
		return results.request().review().dueOnly();
	}

	public String reviewGroup() {
		return REVIEW_GROUP;
	}

	public String reviewDueLabel() {
		return REVIEW_DUE_LABEL;
	}

	public String feedUrl() {
		return SearchUrls.export(results.request(), "atom");
	}

	public String csvUrl() {
		return SearchUrls.export(results.request(), "csv");
	}

	public String briefingUrl() {
		return SearchUrls.export(results.request(), "md");
	}

	/** The page title: what was searched for, and which page of how many after the first. */
	public String title() {
		String query = results.request().query();
		String what = query.isEmpty() ? "Search" : "Search results for “" + query + "”";
		int last = results.totalPages();
		String which = results.request().page() > 1 ? " (page " + results.request().page() + " of " + last + ")" : "";
		return what + which + " – Interop KB";
	}

	public String heading() {
		long total = results.total();
		return total == 1 ? "1 result" : String.format("%,d results", total);
	}
}
