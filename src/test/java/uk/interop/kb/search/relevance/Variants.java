package uk.interop.kb.search.relevance;

import java.util.LinkedHashMap;
import java.util.Map;

import uk.interop.kb.search.index.Ranking;

/**
 * Rankings to compare with the default, one change at a time, when the report is run with
 * {@code -Drelevance.variants=true}: how each setting in {@link Ranking#DEFAULT} was chosen.
 */
public final class Variants {

	private Variants() {
	}

	static Map<String, Ranking> selected() {
		if (!Boolean.getBoolean("relevance.variants")) {
			return Map.of();
		}
		Ranking d = Ranking.DEFAULT;
		Map<String, Ranking> variants = new LinkedHashMap<>();
		variants.put("every word required (before)", Ranking.ALL_WORDS.withSemantic(false));
		Ranking noPhrase = with(d, "phraseBoost", 0f);
		variants.put("no phrase boost", noPhrase);
		variants.put("phrase boost 0.3", with(d, "phraseBoost", 0.3f));
		variants.put("phrase boost 0.3 slop 0", with(with(d, "phraseBoost", 0.3f), "phraseSlop", 0));
		variants.put("phrase boost 1 slop 0", with(d, "phraseSlop", 0));
		variants.put("phrase boost 0.3 slop 10", with(with(d, "phraseBoost", 0.3f), "phraseSlop", 10));
		variants.put("no phrase, blend w0.5", with(noPhrase, "semanticWeight", 0.5));
		variants.put("no phrase, blend w0.3", with(noPhrase, "semanticWeight", 0.3));
		variants.put("no phrase, no all-words", with(noPhrase, "allWordsBoost", 0f));
		variants.put("no phrase, all-words 2", with(noPhrase, "allWordsBoost", 2f));
		variants.put("no phrase, intent 2", with(noPhrase, "intentBoost", 2f));
		variants.put("no phrase, cosine 0.3", with(noPhrase, "vectorSimilarity", 0.3f));
		variants.put("no phrase, cosine 0.4", with(noPhrase, "vectorSimilarity", 0.4f));
		variants.put("no phrase, title 4", with(noPhrase, "titleWeight", 4f));
		return variants;
	}

	/** A copy of {@code ranking} with one component changed, by name. */
	public static Ranking with(Ranking ranking, String component, Object value) {
		try {
			var components = Ranking.class.getRecordComponents();
			Object[] values = new Object[components.length];
			Class<?>[] types = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				values[i] = components[i].getName().equals(component) ? value
						: components[i].getAccessor().invoke(ranking);
			}
			return Ranking.class.getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalArgumentException(component, ex);
		}
	}
}
