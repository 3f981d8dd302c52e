package uk.interop.kb.search.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import uk.interop.kb.search.Facet;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Reads search parameters from a query string. Strict (the API) reports every unknown
 * parameter and bad value; lenient (the HTML pages) drops them, as a finder page should.
 * {@code review=due} is read only when the caller passes an editor's review facet; for everyone
 * else it is ignored, so nothing about review dates reaches them.
 */
public final class SearchRequestParser {

	public static final Set<String> PARAMS;

	static {
		Set<String> params = new LinkedHashSet<>(List.of("q", "sort", "page", "size", "exact"));
		for (Facet facet : Facet.values()) {
			params.add(facet.param());
		}
		PARAMS = Set.copyOf(params);
	}

	/**
	 * The editors' "due for review" filter: {@code review=due}. Not in {@link #PARAMS}: only a caller holding the
	 * review facet (an editor) may send it; from anyone else the API answers that it is for editors.
	 */
	public static final String REVIEW = "review";
	public static final String REVIEW_DUE = "due";

	private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
	private static final int MAX_VALUES_PER_FACET = 50;

	private final Taxonomy taxonomy;

	public SearchRequestParser(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	/** A bad parameter: its name and what is wrong, in words a person can act on. */
	public record ParamError(String param, String message) {
	}

	public record Parsed(SearchRequest request, List<ParamError> errors) {
		public Parsed {
			errors = List.copyOf(errors);
		}

		public boolean valid() {
			return errors.isEmpty();
		}
	}

	public Parsed parse(MultiValueMap<String, String> params, boolean strict, int defaultSize) {
		return parse(params, strict, defaultSize, SearchRequest.Review.NONE);
	}

	/**
	 * {@code review} is {@link SearchRequest.Review#NONE} for everyone but editors; for an editor it is the review
	 * facet shown on today's date, and {@code review=due} turns its filter on.
	 */
	public Parsed parse(MultiValueMap<String, String> params, boolean strict, int defaultSize,
			SearchRequest.Review review) {
		List<ParamError> errors = new ArrayList<>();
		if (strict) {
			params.keySet().stream().filter(p -> !PARAMS.contains(p) && !p.equals(REVIEW)).sorted()
				.forEach(p -> errors.add(new ParamError(p, "unknown parameter")));
			if (params.containsKey(REVIEW)) {
				List<String> values = params.get(REVIEW);
				if (!review.shown()) {
					errors.add(new ParamError(REVIEW, "only editors can filter by review date"));
				}
				else if (values.size() != 1 || !REVIEW_DUE.equals(values.get(0))) {
					errors.add(new ParamError(REVIEW, "must be " + REVIEW_DUE));
				}
			}
		}
		String q = single(params, "q", errors).orElse("");
		if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
			errors.add(new ParamError("q", "Search terms must be " + SearchRequest.MAX_QUERY_LENGTH
					+ " characters or fewer"));
			q = q.substring(0, SearchRequest.MAX_QUERY_LENGTH);
		}
		Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			List<String> values = params.getOrDefault(facet.param(), List.of());
			Set<String> accepted = new LinkedHashSet<>();
			for (String value : values) {
				if (value == null || value.isBlank()) {
					continue;
				}
				if (accepted.size() >= MAX_VALUES_PER_FACET) {
					errors.add(new ParamError(facet.param(), "at most " + MAX_VALUES_PER_FACET + " values"));
					break;
				}
				if (known(facet, value)) {
					accepted.add(value);
				}
				else if (strict) {
					errors.add(new ParamError(facet.param(), "unknown value '" + shorten(value) + "'"));
				}
			}
			filters.put(facet, accepted);
		}
		SearchRequest.Sort sort = SearchRequest.Sort.RELEVANCE;
		String sortText = single(params, "sort", errors).orElse("relevance");
		switch (sortText) {
			case "relevance" -> sort = SearchRequest.Sort.RELEVANCE;
			case "newest" -> sort = SearchRequest.Sort.NEWEST;
			default -> errors.add(new ParamError("sort", "must be relevance or newest"));
		}
		boolean exact = false;
		String exactText = single(params, "exact", errors).orElse("false");
		switch (exactText) {
			case "true" -> exact = true;
			case "false", "" -> exact = false;
			default -> errors.add(new ParamError("exact", "must be true or false"));
		}
		int size = number(params, "size", defaultSize, 1, SearchRequest.MAX_SIZE, errors);
		int page = number(params, "page", 1, 1, SearchRequest.MAX_DEPTH / size, errors);
		List<ParamError> reported = strict ? errors
				: errors.stream().filter(e -> e.param().equals("q")).toList();
		boolean dueOnly = review.shown() && params.getOrDefault(REVIEW, List.of()).contains(REVIEW_DUE);
		SearchRequest.Review asked = review.shown() ? SearchRequest.Review.forEditor(review.today(), dueOnly) : review;
		return new Parsed(new SearchRequest(q, filters, sort, page, size, !exact, asked), reported);
	}

	private boolean known(Facet facet, String value) {
		if (facet.isYear()) {
			return YEAR.matcher(value).matches();
		}
		return taxonomy.vocabulary(facet.vocabulary()).contains(value);
	}

	private static java.util.Optional<String> single(MultiValueMap<String, String> params, String name,
			List<ParamError> errors) {
		List<String> values = params.getOrDefault(name, List.of());
		if (values.size() > 1) {
			errors.add(new ParamError(name, "give this parameter once"));
		}
		return values.isEmpty() || values.get(0) == null ? java.util.Optional.empty()
				: java.util.Optional.of(values.get(0));
	}

	private static int number(MultiValueMap<String, String> params, String name, int fallback, int min, int max,
			List<ParamError> errors) {
		java.util.Optional<String> text = single(params, name, errors);
		if (text.isEmpty() || text.get().isBlank()) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(text.get().strip());
			if (value < min || value > max) {
				errors.add(new ParamError(name, "must be between " + min + " and " + max));
				return Math.max(min, Math.min(max, value));
			}
			return value;
		}
		catch (NumberFormatException ex) {
			errors.add(new ParamError(name, "must be a whole number"));
			return fallback;
		}
	}

	private static String shorten(String value) {
		String printable = value.replaceAll("\\p{Cntrl}", "?");
		return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
	}
}
