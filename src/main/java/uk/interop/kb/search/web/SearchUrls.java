package uk.interop.kb.search.web;

import java.util.Set;

import org.springframework.web.util.UriComponentsBuilder;

import uk.interop.kb.search.Facet;
import uk.interop.kb.search.SearchRequest;

/** Builds {@code /search} links for a request, and variants of it (a filter removed, another page). */
public final class SearchUrls {

	private SearchUrls() {
	}

	public static String of(SearchRequest request) {
		return builder(request, null, null, request.page()).build().encode().toUriString();
	}

	/**
	 * The same search as a feed or download: {@code /search.atom}, {@code /search.csv}, {@code /search.md}. Without
	 * the editors' review filter, which the exports do not take: the link says what it gives.
	 */
	public static String export(SearchRequest request, String extension) {
		return builder(request.withReview(SearchRequest.Review.NONE), null, null, 1).replacePath("/search." + extension)
			.build().encode().toUriString();
	}

	public static String page(SearchRequest request, int page) {
		return builder(request, null, null, page).build().encode().toUriString();
	}

	public static String without(SearchRequest request, Facet facet, String value) {
		return builder(request, facet, value, 1).build().encode().toUriString();
	}

	/** The same search with the editors' "due for review" filter removed. */
	public static String withoutReviewDue(SearchRequest request) {
		SearchRequest.Review review = request.review();
		return builder(request.withReview(new SearchRequest.Review(review.shown(), false, review.today())), null, null,
				1).build().encode().toUriString();
	}

	public static String clearFilters(SearchRequest request) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/search");
		if (!request.query().isEmpty()) {
			builder.queryParam("q", request.query());
		}
		return builder.build().encode().toUriString();
	}

	public static String forQuery(SearchRequest request, String query) {
		return builder(new SearchRequest(query, request.filters(), request.sort(), 1, request.size())
			.withReview(request.review()), null, null, 1).build().encode().toUriString();
	}

	/** The same search for the words exactly as typed: the "Search instead for …" link. */
	public static String exactly(SearchRequest request) {
		return builder(request.exactly().withPage(1, request.size()), null, null, 1).build().encode().toUriString();
	}

	/** The same search with one more filter ticked: a suggested filter's link. */
	public static String with(SearchRequest request, Facet facet, String value) {
		java.util.Set<String> values = new java.util.LinkedHashSet<>(request.selected(facet));
		values.add(value);
		return builder(request.withFilter(facet, values.toArray(String[]::new)).withPage(1, request.size()), null,
				null, 1).build().encode().toUriString();
	}

	/** A search with just these facet values ticked: what browse pages and metadata links use. */
	public static String filtered(Facet facet, String value) {
		return UriComponentsBuilder.fromPath("/search").queryParam(facet.param(), value).build().encode()
			.toUriString();
	}

	private static UriComponentsBuilder builder(SearchRequest request, Facet dropFacet, String dropValue, int page) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/search");
		if (!request.query().isEmpty()) {
			builder.queryParam("q", request.query());
		}
		for (Facet facet : Facet.values()) {
			Set<String> values = request.selected(facet);
			values.stream().sorted().filter(v -> !(facet == dropFacet && v.equals(dropValue)))
				.forEach(v -> builder.queryParam(facet.param(), v));
		}
		if (request.review().dueOnly()) {
			builder.queryParam(SearchRequestParser.REVIEW, SearchRequestParser.REVIEW_DUE);
		}
		if (request.sort() != SearchRequest.Sort.RELEVANCE) {
			builder.queryParam("sort", request.sort().param());
		}
		if (request.size() != SearchRequest.DEFAULT_SIZE) {
			builder.queryParam("size", request.size());
		}
		if (!request.correctSpelling()) {
			builder.queryParam("exact", "true");
		}
		if (page > 1) {
			builder.queryParam("page", page);
		}
		return builder;
	}
}
