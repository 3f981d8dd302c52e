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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import uk.interop.kb.search.index.LuceneFields;
import uk.interop.kb.search.index.SearchIndex;

/**
 * Documents like another: like an indexed document (the "related" list on a document page, the
 * problem book's suggestions), or like text not in the index yet (a draft being typed, so a
 * contributor sees what the library already holds). Only what the audience may read.
 */
public final class RelatedDocuments {

	/** A draft is compared on its first this-many characters: enough for its distinctive words. */
	private static final int MAX_SAMPLE = 20_000;

	private final SearchIndex index;

	public RelatedDocuments(SearchIndex index) {
		this.index = index;
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
			return snapshot.documents(searcher.search(access.restrict(like.build()), count));
		});
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
