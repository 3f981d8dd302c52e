package uk.interop.kb.search;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import uk.interop.kb.search.index.LuceneFields;
import uk.interop.kb.search.index.QueryFactory;
import uk.interop.kb.search.index.Ranking;
import uk.interop.kb.search.index.SearchIndex;

/**
 * Documents without the cost of a results page: one by id, the newest, or every match of a search
 * in its order (no facet counts, no snippets), for document pages, feeds, exports and the sitemap.
 * The audience's {@link AccessFilter} is inside every query.
 */
public final class DocumentListing {

	private final SearchIndex index;

	public DocumentListing(SearchIndex index) {
		this.index = index;
	}

	/** The document with this id, if the audience may read it. */
	public Optional<IndexedDocument> document(String id, Audience audience) {
		return index.withSnapshot(snapshot -> {
			IndexSearcher searcher = snapshot.searcher();
			TopDocs top = searcher.search(AccessFilter.of(audience).restrict(new TermQuery(new Term(LuceneFields.ID, id))),
					1);
			if (top.scoreDocs.length == 0) {
				return Optional.empty();
			}
			return Optional.of(snapshot.mapper().fromLucene(searcher.storedFields().document(top.scoreDocs[0].doc)));
		});
	}

	/** The newest documents the audience may read, optionally of some types only. */
	public List<IndexedDocument> latest(Audience audience, int count, Set<String> types) {
		Query query = types.isEmpty() ? new MatchAllDocsQuery()
				: new TermInSetQuery(Facet.TYPE.param(), types.stream().map(BytesRef::new).toList());
		return index.withSnapshot(snapshot -> snapshot.documents(snapshot.searcher().search(AccessFilter.of(audience).restrict(query), count, FacetedSearch.NEWEST)));
	}

	/**
	 * Up to {@code max} matches of the request (its query, filters and sort, ignoring its page), in
	 * the order the results page shows them.
	 */
	public List<IndexedDocument> matches(SearchRequest request, Audience audience, int max) {
		AccessFilter access = AccessFilter.of(audience);
		return index.withSnapshot(snapshot -> {
			Query query = FacetedSearch.drillDown(snapshot, access.restrict(QueryFactory.build(request.query(),
					snapshot.queryAnalyzer(), Ranking.DEFAULT, List.of()).query()), request);
			try {
				return snapshot.documents(top(snapshot.searcher(), query, request.sort(), max));
			}
			catch (IndexSearcher.TooManyClauses ex) {
				query = FacetedSearch.drillDown(snapshot, access.restrict(QueryFactory.literal(request.query(),
						snapshot.queryAnalyzer(), Ranking.DEFAULT, List.of()).query()), request);
				return snapshot.documents(top(snapshot.searcher(), query, request.sort(), max));
			}
		});
	}

	/** The collector is sized to the matches, not to {@code max}: a listing asked for "everything" stays cheap. */
	private static TopDocs top(IndexSearcher searcher, Query query, SearchRequest.Sort sort, int max)
			throws IOException {
		int size = Math.max(1, Math.min(max, searcher.count(query)));
		return searcher.search(query, size,
				sort == SearchRequest.Sort.NEWEST ? FacetedSearch.NEWEST : FacetedSearch.RELEVANCE, false);
	}
}
