package uk.interop.kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import uk.interop.kb.search.index.LuceneFields;
import uk.interop.kb.search.index.Ranking;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.search.index.SemanticMatches;

/**
 * Documents like another: like an indexed document (the "related" list on a document page, the
 * problem book's suggestions), or like text not in the index yet (a draft being typed, so a
 * contributor sees what the library already holds). Only what the audience may read. MoreLikeThis
 * finds documents sharing distinctive words (and tags); where the index has passage vectors, documents
 * close in meaning join them and the two similarities are blended (docs/relevance.md measures it).
 */
public final class RelatedDocuments {

	/** A draft is compared on its first this-many characters: enough for its distinctive words. */
	private static final int MAX_SAMPLE = 20_000;

	/** The blend of the lexical and the semantic similarity (measured in docs/relevance.md). */
	static final double SEMANTIC_WEIGHT = 0.5;
	private static final int CANDIDATES = 50;
	private static final int DRAFT_WORDS = 200;

	private final SearchIndex index;
	private final boolean semantic;

	public RelatedDocuments(SearchIndex index) {
		this(index, true);
	}

	/** {@code semantic}: blend in passage-embedding similarity when the index has vectors. */
	public RelatedDocuments(SearchIndex index, boolean semantic) {
		this.index = index;
		this.semantic = semantic && index.embeddings().enabled();
	}

	/** MoreLikeThis over the document's text, plus its shared themes and levels. */
	public List<IndexedDocument> related(String id, Audience audience, int count) {
		AccessFilter access = AccessFilter.of(audience);
		return index.withSnapshot(snapshot -> {
			IndexSearcher searcher = snapshot.searcher();
			TopDocs self = searcher.search(access.restrict(new TermQuery(new Term(LuceneFields.ID, id))), 1);
			if (self.scoreDocs.length == 0) {
				return List.of();
			}
			int doc = self.scoreDocs[0].doc;
			IndexedDocument source = snapshot.mapper().fromLucene(searcher.storedFields().document(doc));
			String body = searcher.storedFields().document(doc, Set.of(LuceneFields.BODY)).get(LuceneFields.BODY);
			String text = source.document().title() + "\n" + source.document().summary() + "\n"
					+ (body == null ? "" : body);
			BooleanQuery.Builder like = new BooleanQuery.Builder();
			// The document itself is one of the documents holding each of its words: ask for one more.
			like.add(like(snapshot, text, 2), Occur.SHOULD);
			source.document().themes().forEach(t -> like.add(new BoostQuery(new TermQuery(
					new Term(Facet.THEME.param(), t)), 2f), Occur.SHOULD));
			source.document().levels().forEach(l -> like.add(new BoostQuery(new TermQuery(
					new Term(Facet.LEVEL.param(), l)), 1f), Occur.SHOULD));
			like.add(new TermQuery(new Term(LuceneFields.ID, id)), Occur.MUST_NOT);
			like.setMinimumNumberShouldMatch(1);
			TopDocs lexical = searcher.search(access.restrict(like.build()), semantic ? CANDIDATES : count);
			if (!semantic) {
				return snapshot.documents(lexical);
			}
			// The document's own first passage (title and summary) is what others are compared with.
			return blend(snapshot, lexical, headVector(snapshot, doc), access, id, count);
		});
	}

	private static float[] headVector(SearchIndex.Snapshot snapshot, int doc) throws IOException {
		var leaves = snapshot.searcher().getIndexReader().leaves();
		var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
		org.apache.lucene.index.FloatVectorValues values = leaf.reader().getFloatVectorValues(LuceneFields.vector(0));
		if (values == null || values.advance(doc - leaf.docBase) != doc - leaf.docBase) {
			return null;
		}
		return values.vectorValue().clone();
	}

	/**
	 * Lexical candidates and documents close in meaning, scored by a blend of the lexical score (scaled
	 * to the best) and the best passage's cosine; without a vector, the lexical order.
	 */
	private List<IndexedDocument> blend(SearchIndex.Snapshot snapshot, TopDocs lexical, float[] vector,
			AccessFilter access, String excludedId, int count) throws IOException {
		if (vector == null) {
			return snapshot.documents(new TopDocs(lexical.totalHits,
					java.util.Arrays.copyOf(lexical.scoreDocs, Math.min(count, lexical.scoreDocs.length))));
		}
		Query filter = new BooleanQuery.Builder().add(access.clause(), Occur.FILTER)
			.add(new TermQuery(new Term(LuceneFields.ID, excludedId)), Occur.MUST_NOT).build();
		java.util.Set<Integer> docs = new java.util.HashSet<>();
		java.util.Map<Integer, Float> lexicalScores = new java.util.HashMap<>();
		for (ScoreDoc hit : lexical.scoreDocs) {
			docs.add(hit.doc);
			lexicalScores.put(hit.doc, hit.score);
		}
		for (SemanticMatches.Match match : SemanticMatches.nearest(snapshot, vector, filter, CANDIDATES,
				Ranking.DEFAULT.vectorSimilarity())) {
			docs.add(match.doc());
		}
		java.util.Map<Integer, Float> cosines = SemanticMatches.similarities(snapshot, vector, docs);
		float best = lexical.scoreDocs.length == 0 ? 1 : lexical.scoreDocs[0].score;
		java.util.Map<Integer, Double> scores = new java.util.HashMap<>();
		for (int doc : docs) {
			double meaning = Math.max(0, (cosines.getOrDefault(doc, 0f) - Ranking.UNRELATED_COSINE)
					/ (1 - Ranking.UNRELATED_COSINE));
			scores.put(doc, (1 - SEMANTIC_WEIGHT) * lexicalScores.getOrDefault(doc, 0f) / best + SEMANTIC_WEIGHT * meaning);
		}
		ScoreDoc[] ranked = docs.stream().sorted(java.util.Comparator.<Integer>comparingDouble(d -> -scores.get(d))
			.thenComparingInt(d -> d)).limit(count).map(d -> new ScoreDoc(d, scores.get(d).floatValue()))
			.toArray(ScoreDoc[]::new);
		return snapshot.documents(new TopDocs(lexical.totalHits, ranked));
	}

	/** Readable documents like a piece of text that is not in the index. */
	public List<IndexedDocument> similarTo(String text, Audience audience, int count) {
		String sample = text.length() > MAX_SAMPLE ? text.substring(0, MAX_SAMPLE) : text;
		if (sample.isBlank()) {
			return List.of();
		}
		AccessFilter access = AccessFilter.of(audience);
		return index.withSnapshot(snapshot -> snapshot.documents(snapshot.searcher().search(access.restrict(like(snapshot, sample, 1)), count)));
	}

	/** The one MoreLikeThis set-up: title, summary and body; distinctive words only. */
	private static Query like(SearchIndex.Snapshot snapshot, String text, int minDocFreq) throws IOException {
		IndexReader reader = snapshot.searcher().getIndexReader();
		MoreLikeThis mlt = new MoreLikeThis(reader);
		mlt.setAnalyzer(snapshot.indexAnalyzer());
		mlt.setFieldNames(new String[] { LuceneFields.TITLE, LuceneFields.SUMMARY, LuceneFields.BODY });
		mlt.setMinTermFreq(1);
		mlt.setMinDocFreq(minDocFreq);
		mlt.setMaxDocFreqPct(60);
		mlt.setMaxQueryTerms(30);
		return mlt.like(LuceneFields.BODY, new StringReader(text));
	}
}
