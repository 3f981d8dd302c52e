package uk.interop.kb.search.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import uk.interop.kb.search.AccessFilter;

/**
 * The semantic side of hybrid search: the documents with a passage close in meaning to the query.
 * Each passage slot has its own HNSW graph ({@code vector_0} … {@code vector_7}); a document scores
 * its best passage. The audience's filter is inside every vector query (a pre-filter), so members-only
 * passages can never be returned, counted or shift who else is found. Only passages at least
 * {@link Ranking#vectorSimilarity()} close (cosine) count: a query about nothing in the library finds
 * nothing here either.
 */
public final class SemanticMatches {

	/** A matching document: its Lucene doc id in this snapshot, its id, and its best passage's cosine. */
	public record Match(int doc, String id, float cosine) {
	}

	/** The query's vector and the documents close to it. */
	public record Found(float[] vector, List<Match> matches) {
		public static final Found NONE = new Found(new float[0], List.of());
	}

	private SemanticMatches() {
	}

	public static Found find(SearchIndex.Snapshot snapshot, Embeddings embeddings, String text,
			AccessFilter access, Ranking ranking) throws IOException {
		if (!embeddings.enabled()) {
			return Found.NONE;
		}
		Optional<float[]> vector = embeddings.query(QueryFactory.clean(text));
		if (vector.isEmpty()) {
			return Found.NONE;
		}
		return new Found(vector.get(), nearest(snapshot, vector.get(), access.clause(), ranking.vectorCandidates(),
				ranking.vectorSimilarity()));
	}

	/**
	 * The best passage cosine of each of these documents (0 for one without vectors), read straight from
	 * the index: how a linear blend scores lexical hits the vector search did not return.
	 */
	public static java.util.Map<Integer, Float> similarities(SearchIndex.Snapshot snapshot, float[] vector,
			java.util.Collection<Integer> docs) throws IOException {
		java.util.Map<Integer, Float> best = new java.util.HashMap<>();
		List<org.apache.lucene.index.LeafReaderContext> leaves = snapshot.searcher().getIndexReader().leaves();
		java.util.List<Integer> sorted = new java.util.ArrayList<>(docs);
		java.util.Collections.sort(sorted);
		for (int i = 0; i < Passages.MAX; i++) {
			String field = LuceneFields.vector(i);
			int leafIndex = -1;
			org.apache.lucene.index.FloatVectorValues values = null;
			for (int doc : sorted) {
				int leaf = org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves);
				if (leaf != leafIndex) {
					leafIndex = leaf;
					values = leaves.get(leaf).reader().getFloatVectorValues(field);
				}
				best.putIfAbsent(doc, 0f);
				int target = doc - leaves.get(leaf).docBase;
				if (values == null || values.docID() > target) {
					continue;
				}
				if (values.docID() < target && values.advance(target) != target) {
					continue;
				}
				if (values.docID() == target) {
					float cosine = dot(vector, values.vectorValue());
					best.merge(doc, cosine, Math::max);
				}
			}
		}
		return best;
	}

	private static float dot(float[] a, float[] b) {
		float sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	/** Documents whose best passage is at least {@code minimumCosine} close to {@code vector}, closest first. */
	public static List<Match> nearest(SearchIndex.Snapshot snapshot, float[] vector, Query filter, int candidates,
			float minimumCosine) throws IOException {
		List<Query> passages = new ArrayList<>();
		for (int i = 0; i < Passages.MAX; i++) {
			passages.add(new KnnFloatVectorQuery(LuceneFields.vector(i), vector, candidates, filter));
		}
		TopDocs top = snapshot.searcher().search(new DisjunctionMaxQuery(passages, 0f), candidates);
		// Lucene scores a dot product of unit vectors as (1 + cosine) / 2.
		float minimumScore = (1 + minimumCosine) / 2;
		var stored = snapshot.searcher().storedFields();
		List<Match> matches = new ArrayList<>();
		for (ScoreDoc hit : top.scoreDocs) {
			if (hit.score >= minimumScore) {
				String id = stored.document(hit.doc, Set.of(LuceneFields.ID)).get(LuceneFields.ID);
				matches.add(new Match(hit.doc, id, 2 * hit.score - 1));
			}
		}
		return matches;
	}
}
