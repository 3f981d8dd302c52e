package uk.interop.kb.search;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A validated search: free text (possibly empty), selected facet values, sort and page, and whether a
 * query that finds nothing may be spelling-corrected ({@code false} after "Search instead for …"), and the
 * editors' {@link Review} facet.
 */
public record SearchRequest(String query, Map<Facet, Set<String>> filters, Sort sort, int page, int size,
		boolean correctSpelling, Review review) {

	public static final int MAX_QUERY_LENGTH = 256;
	public static final int MAX_SIZE = 100;
	public static final int DEFAULT_SIZE = 20;
	/** Deepest result reachable by paging; deeper paging is refused rather than slowly served. */
	public static final int MAX_DEPTH = 10_000;

	public enum Sort {
		RELEVANCE, NEWEST;

		public String param() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/**
	 * The editors' review facet, set by the web layer for editors only (review dates are editorial information):
	 * when {@code shown}, the documents due for review are counted; when {@code dueOnly}, only they are found.
	 * Due means a review-by day on or before {@code today}, the application clock's day.
	 */
	public record Review(boolean shown, boolean dueOnly, LocalDate today) {

		/** For everyone but editors: review dates are neither counted nor filtered on. */
		public static final Review NONE = new Review(false, false, LocalDate.EPOCH);

		public Review {
			Objects.requireNonNull(today, "today");
			if (dueOnly && !shown) {
				throw new IllegalArgumentException("the due-for-review filter needs the review facet shown");
			}
		}

		public static Review forEditor(LocalDate today, boolean dueOnly) {
			return new Review(true, dueOnly, today);
		}
	}

	public SearchRequest {
		Objects.requireNonNull(review, "review");
		EnumMap<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
		filters.forEach((facet, values) -> {
			if (!values.isEmpty()) {
				copy.put(facet, Set.copyOf(new LinkedHashSet<>(values)));
			}
		});
		filters = java.util.Collections.unmodifiableMap(copy);
		query = query == null ? "" : query.strip();
		if (page < 1 || size < 1 || size > MAX_SIZE || (long) page * size > MAX_DEPTH) {
			throw new IllegalArgumentException("page or size out of range");
		}
	}

	public SearchRequest(String query, Map<Facet, Set<String>> filters, Sort sort, int page, int size,
			boolean correctSpelling) {
		this(query, filters, sort, page, size, correctSpelling, Review.NONE);
	}

	public SearchRequest(String query, Map<Facet, Set<String>> filters, Sort sort, int page, int size) {
		this(query, filters, sort, page, size, true);
	}

	public static SearchRequest of(String query) {
		return new SearchRequest(query, Map.of(), Sort.RELEVANCE, 1, DEFAULT_SIZE);
	}

	public Set<String> selected(Facet facet) {
		return filters.getOrDefault(facet, Set.of());
	}

	public SearchRequest withFilter(Facet facet, String... values) {
		EnumMap<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
		copy.putAll(filters);
		copy.put(facet, Set.copyOf(List.of(values)));
		return new SearchRequest(query, copy, sort, page, size, correctSpelling, review);
	}

	public SearchRequest withSort(Sort newSort) {
		return new SearchRequest(query, filters, newSort, page, size, correctSpelling, review);
	}

	public SearchRequest withQuery(String newQuery) {
		return new SearchRequest(newQuery, filters, sort, page, size, correctSpelling, review);
	}

	/** The same search, taking the words exactly as typed: no spelling correction. */
	public SearchRequest exactly() {
		return new SearchRequest(query, filters, sort, page, size, false, review);
	}

	public SearchRequest withPage(int newPage, int newSize) {
		return new SearchRequest(query, filters, sort, newPage, newSize, correctSpelling, review);
	}

	public SearchRequest withReview(Review newReview) {
		return new SearchRequest(query, filters, sort, page, size, correctSpelling, newReview);
	}
}
