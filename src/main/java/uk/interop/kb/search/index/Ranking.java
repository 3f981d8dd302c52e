package uk.interop.kb.search.index;

/**
 * How results are matched and ranked. {@link #DEFAULT} is what the app uses; each setting was kept
 * because the relevance harness measured it (docs/relevance.md), and the harness runs the variants.
 *
 * @param minimumMatch share of a query's words (after question and filler words are dropped) that a
 *        document must contain, rounded down, at least one: 0 means any word, 1 means all of them
 * @param dropFillerWords question and filler words ("how", "we", "can't", "lessons") never decide a match
 * @param titleWeight weight of the title field; {@code summaryWeight}, {@code bodyWeight} and
 *        {@code labelsWeight} (the tagged concepts' labels) likewise
 * @param combinedFields score a word over all fields at once (BM25F), not field by field
 * @param allWordsBoost extra weight for documents containing every word
 * @param phraseBoost extra weight for the words appearing together (within {@code phraseSlop} positions)
 * @param intentBoost extra weight for documents tagged with a concept the query names
 * @param autoCorrect when nothing is found, run the spelling-corrected query and say so
 * @param semantic fuse vector (passage embedding) results with the lexical ones
 * @param vectorSimilarity the cosine a passage needs to count as a semantic match
 * @param vectorCandidates how many passages each vector search returns
 * @param fusionK the constant of reciprocal rank fusion (larger: flatter); 0 means a linear blend instead
 * @param semanticWeight in rank fusion, the vector list's weight (the lexical list weighs 1); in a linear
 *        blend, the share of the score that comes from meaning (the rest from the lexical score, scaled
 *        to the best hit's)
 */
public record Ranking(double minimumMatch, boolean dropFillerWords, float titleWeight, float summaryWeight,
		float bodyWeight, float labelsWeight, boolean combinedFields, float allWordsBoost, float phraseBoost,
		int phraseSlop, float intentBoost, boolean autoCorrect, boolean semantic, float vectorSimilarity,
		int vectorCandidates, int fusionK, double semanticWeight) {

	/** Below this cosine two texts share nothing worth counting; the blend scales cosines from here to 1. */
	public static final float UNRELATED_COSINE = 0.2f;

	/** Today's engine before the relevance work: every word required, field by field, nothing else. */
	public static final Ranking ALL_WORDS = new Ranking(1, false, 3, 2, 1, 0, false, 0, 0, 0, 0, false, false, 0, 0,
			60, 0);

	public static final Ranking DEFAULT = new Ranking(0.34, true, 3, 2, 1, 1.5f, true, 1, 0, 3, 1f, true, true,
			0.35f, 30, 0, 0.4);

	public boolean linearBlend() {
		return fusionK == 0;
	}

	public Ranking withSemantic(boolean on) {
		return new Ranking(minimumMatch, dropFillerWords, titleWeight, summaryWeight, bodyWeight, labelsWeight,
				combinedFields, allWordsBoost, phraseBoost, phraseSlop, intentBoost, autoCorrect, on, vectorSimilarity,
				vectorCandidates, fusionK, semanticWeight);
	}
}
