package uk.interop.kb.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import uk.interop.kb.search.Facet;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Recognises taxonomy concepts named in a query ("semantic interoperability examples", "lessons on
 * culture change", "what failed in health and police data sharing"): a concept is named when all the
 * words of its label or one of its alternative labels appear together in the query, compared after the
 * same analysis as the index (so "failures" names the outcome whose alternative label is "failure").
 * Outcomes are recognised by their alternative labels only: "worked" alone is too common a word.
 */
public final class QueryIntents {

	/** A concept the query names, and the words of the query that named it. */
	public record Intent(Facet facet, String conceptId, String label) {
	}

	/** The facets whose concepts are looked for, in the order suggestions are offered. */
	private static final List<Facet> FACETS = List.of(Facet.LEVEL, Facet.THEME, Facet.OUTCOME, Facet.SECTOR,
			Facet.BARRIER, Facet.TYPE, Facet.ORGANISATION);

	private final Map<List<String>, List<Intent>> phrases = new LinkedHashMap<>();
	private final Analyzer analyzer;
	private final int longest;

	public QueryIntents(Taxonomy taxonomy, Analyzer analyzer) {
		this.analyzer = analyzer;
		int max = 0;
		for (Facet facet : FACETS) {
			for (Concept concept : taxonomy.vocabulary(facet.vocabulary()).concepts()) {
				List<String> names = new ArrayList<>(concept.altLabels());
				if (facet != Facet.OUTCOME) {
					names.add(0, concept.label());
				}
				for (String name : names) {
					List<String> tokens = tokens(name);
					if (!tokens.isEmpty()) {
						List<Intent> intents = phrases.computeIfAbsent(tokens, t -> new ArrayList<>());
						Intent intent = new Intent(facet, concept.id(), concept.label());
						if (!intents.contains(intent)) {
							intents.add(intent);
						}
						max = Math.max(max, tokens.size());
					}
				}
			}
		}
		this.longest = max;
	}

	/** The concepts the text names, longest names first, each concept once. */
	public List<Intent> recognise(String text) {
		List<String> tokens = tokens(text);
		List<Intent> found = new ArrayList<>();
		boolean[] used = new boolean[tokens.size()];
		for (int length = Math.min(longest, tokens.size()); length >= 1; length--) {
			for (int start = 0; start + length <= tokens.size(); start++) {
				List<Intent> intents = phrases.get(tokens.subList(start, start + length));
				if (intents == null || covered(used, start, length)) {
					continue;
				}
				for (Intent intent : intents) {
					if (!found.contains(intent)) {
						found.add(intent);
					}
				}
				for (int i = start; i < start + length; i++) {
					used[i] = true;
				}
			}
		}
		found.sort((a, b) -> Integer.compare(FACETS.indexOf(a.facet()), FACETS.indexOf(b.facet())));
		return Collections.unmodifiableList(found);
	}

	/** A longer name that contains this one has already claimed its words ("data quality" over "data"). */
	private static boolean covered(boolean[] used, int start, int length) {
		for (int i = start; i < start + length; i++) {
			if (used[i]) {
				return true;
			}
		}
		return false;
	}

	private List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("intent", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	static Set<Facet> facets() {
		return Set.copyOf(FACETS);
	}
}
