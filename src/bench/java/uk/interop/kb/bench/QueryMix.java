package uk.interop.kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.interop.kb.search.Facet;
import uk.interop.kb.search.SearchRequest;

/** The checked-in query mix: every query with 0, 1 and 3 facet filters, in a fixed order. */
final class QueryMix {

	/** Results per page everywhere: the issue's "snippets for the top 10". */
	static final int PAGE_SIZE = 10;

	record Query(String band, String text, int filterCount, Map<Facet, Set<String>> filters) {

		SearchRequest request() {
			return new SearchRequest(text, filters, SearchRequest.Sort.RELEVANCE, 1, PAGE_SIZE);
		}

		/** The query string of the same search over HTTP. */
		String queryString() {
			StringBuilder s = new StringBuilder("q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
			filters.forEach((facet, values) -> values
				.forEach(v -> s.append('&').append(facet.param()).append('=').append(v)));
			return s.append("&size=").append(PAGE_SIZE).toString();
		}
	}

	private QueryMix() {
	}

	static List<Query> load(Path benchDir) {
		List<String[]> queries = rows(benchDir.resolve("resources/queries.tsv"));
		List<String[]> filters = rows(benchDir.resolve("resources/filters.tsv"));
		List<String> one = filters.stream().filter(r -> r[0].equals("1")).map(r -> r[1]).toList();
		List<String> three = filters.stream().filter(r -> r[0].equals("3")).map(r -> r[1]).toList();
		List<Query> mix = new ArrayList<>();
		for (int i = 0; i < queries.size(); i++) {
			String band = queries.get(i)[0];
			String text = queries.get(i)[1];
			mix.add(new Query(band, text, 0, Map.of()));
			mix.add(new Query(band, text, 1, parse(one.get(i % one.size()))));
			mix.add(new Query(band, text, 3, parse(three.get(i % three.size()))));
		}
		return List.copyOf(mix);
	}

	private static Map<Facet, Set<String>> parse(String queryString) {
		Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
		for (String pair : queryString.split("&")) {
			String[] kv = pair.split("=", 2);
			Facet facet = Facet.fromParam(kv[0]).orElseThrow(() -> new IllegalArgumentException("facet " + kv[0]));
			filters.computeIfAbsent(facet, f -> new LinkedHashSet<>()).add(kv[1]);
		}
		return filters;
	}

	private static List<String[]> rows(Path file) {
		try {
			return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
				.map(l -> l.split("\t", 2)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
