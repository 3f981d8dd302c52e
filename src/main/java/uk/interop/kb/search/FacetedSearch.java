package uk.interop.kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import uk.interop.kb.search.index.LuceneFields;
import uk.interop.kb.search.index.QueryFactory;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.search.index.SpellingCorrector;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * The search page's and the API's search: one page of hits with snippets, every facet's counts
 * (drill-sideways: each facet counts with every filter but its own), and a spelling suggestion
 * when little is found. Every query carries the audience's {@link AccessFilter}.
 */
public final class FacetedSearch {

	/** Below this many hits, a spelling suggestion is looked for. */
	static final int SUGGEST_BELOW = 3;
	/** More values than any vocabulary has: every non-zero count is returned. */
	private static final int MAX_FACET_VALUES = 10_000;
	static final Sort NEWEST = new Sort(new SortField(LuceneFields.PUBLISHED_SORT, SortField.Type.LONG, true),
			SortField.FIELD_SCORE);

	private final SearchIndex index;
	private final FacetLabels labels;
	private final SpellingCorrector spelling = new SpellingCorrector();

	public FacetedSearch(SearchIndex index, FacetLabels labels) {
		this.index = index;
		this.labels = labels;
	}

	public SearchResults search(SearchRequest request, Audience audience) {
		AccessFilter access = AccessFilter.of(audience);
		return index.withSnapshot(snapshot -> {
			Query userQuery = QueryFactory.parse(request.query(), snapshot.queryAnalyzer());
			try {
				return run(snapshot, request, userQuery, access);
			}
			catch (IndexSearcher.TooManyClauses ex) {
				return run(snapshot, request, QueryFactory.literal(request.query(), snapshot.queryAnalyzer()), access);
			}
		});
	}

	private SearchResults run(SearchIndex.Snapshot snapshot, SearchRequest request, Query userQuery,
			AccessFilter access) throws IOException {
		IndexSearcher searcher = snapshot.searcher();
		Query base = access.restrict(userQuery);
		int topN = request.page() * request.size();
		TopDocs top;
		List<SearchResults.FacetCounts> facets;
		if (snapshot.facetState().isPresent()) {
			DrillDownQuery drillDown = drillDown(snapshot, base, request);
			DrillSideways sideways = new DrillSideways(searcher, snapshot.facetsConfig(), snapshot.facetState().get());
			DrillSideways.DrillSidewaysResult result = request.sort() == SearchRequest.Sort.NEWEST
					? sideways.search(drillDown, null, null, topN, NEWEST, true) : sideways.search(drillDown, topN);
			top = result.hits;
			facets = facetCounts(result.facets, request);
		}
		else {
			top = searcher.search(base, Math.max(1, topN));
			facets = facetCounts(null, request);
		}
		ScoreDoc[] page = pageOf(top.scoreDocs, request);
		List<SearchResults.Hit> hits = hits(snapshot, userQuery, request.query(), page);
		Optional<String> suggestion = top.totalHits.value < SUGGEST_BELOW && !request.query().isBlank()
				? spelling.correct(snapshot, request.query(), access,
						corrected -> count(snapshot, access.restrict(QueryFactory.parse(corrected,
								snapshot.queryAnalyzer())), request) > top.totalHits.value)
				: Optional.empty();
		return new SearchResults(request, top.totalHits.value, hits, facets, suggestion);
	}

	/** The query narrowed by the request's filters: values within a facet ORed, facets ANDed. */
	static DrillDownQuery drillDown(SearchIndex.Snapshot snapshot, Query base, SearchRequest request) {
		DrillDownQuery drillDown = new DrillDownQuery(snapshot.facetsConfig(), base);
		request.filters().forEach((facet, values) -> values.forEach(v -> drillDown.add(facet.param(), v)));
		return drillDown;
	}

	private static long count(SearchIndex.Snapshot snapshot, Query query, SearchRequest request) throws IOException {
		return snapshot.searcher().count(drillDown(snapshot, query, request));
	}

	private static ScoreDoc[] pageOf(ScoreDoc[] all, SearchRequest request) {
		int from = (request.page() - 1) * request.size();
		if (from >= all.length) {
			return new ScoreDoc[0];
		}
		return Arrays.copyOfRange(all, from, Math.min(all.length, from + request.size()));
	}

	private List<SearchResults.Hit> hits(SearchIndex.Snapshot snapshot, Query userQuery, String text, ScoreDoc[] page)
			throws IOException {
		IndexSearcher searcher = snapshot.searcher();
		// Each hit's stored fields are read (and decompressed) once; the highlighter reuses them.
		var stored = searcher.storedFields();
		Map<Integer, Document> documents = new HashMap<>();
		for (ScoreDoc hit : page) {
			documents.put(hit.doc, stored.document(hit.doc));
		}
		String[] snippets = new String[page.length];
		if (!text.isBlank() && page.length > 0) {
			UnifiedHighlighter highlighter = new StoredDocumentsHighlighter(UnifiedHighlighter
				.builder(searcher, snapshot.indexAnalyzer())
				.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
				.withMaxLength(100_000), documents);
			int[] docIds = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
			Map<String, String[]> highlights = highlighter.highlightFields(
					new String[] { LuceneFields.BODY, LuceneFields.SUMMARY }, userQuery, docIds, new int[] { 2, 1 });
			for (int i = 0; i < page.length; i++) {
				String body = highlights.get(LuceneFields.BODY)[i];
				snippets[i] = body != null ? body : highlights.get(LuceneFields.SUMMARY)[i];
			}
		}
		List<SearchResults.Hit> hits = new ArrayList<>();
		for (int i = 0; i < page.length; i++) {
			IndexedDocument document = snapshot.mapper().fromLucene(documents.get(page[i].doc));
			hits.add(new SearchResults.Hit(document, snippets[i] == null ? "" : snippets[i]));
		}
		return hits;
	}

	/** A highlighter that takes field values from documents already read, instead of reading them again. */
	private static final class StoredDocumentsHighlighter extends UnifiedHighlighter {

		private final Map<Integer, Document> documents;

		StoredDocumentsHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, Document> documents) {
			super(builder);
			this.documents = documents;
		}

		@Override
		protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
				int cacheCharsThreshold) throws IOException {
			List<CharSequence[]> values = new ArrayList<>();
			for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
				Document document = documents.get(doc);
				CharSequence[] row = new CharSequence[fields.length];
				for (int f = 0; f < fields.length; f++) {
					String value = document == null ? null : document.get(fields[f]);
					// As the default loader does: nothing past the highlighter's maximum length.
					row[f] = value == null ? "" : value.length() > getMaxLength() ? value.substring(0, getMaxLength())
							: value;
				}
				values.add(row);
			}
			return values;
		}
	}

	private List<SearchResults.FacetCounts> facetCounts(Facets facets, SearchRequest request) throws IOException {
		List<SearchResults.FacetCounts> all = new ArrayList<>();
		for (Facet facet : Facet.values()) {
			Map<String, Long> counts = new LinkedHashMap<>();
			FacetResult result = facets == null ? null : facets.getTopChildren(MAX_FACET_VALUES, facet.param());
			if (result != null) {
				for (LabelAndValue lv : result.labelValues) {
					counts.put(lv.label, lv.value.longValue());
				}
			}
			Set<String> selected = request.selected(facet);
			List<SearchResults.FacetValue> values = new ArrayList<>();
			for (String id : orderedIds(facet, counts.keySet(), selected)) {
				long count = counts.getOrDefault(id, 0L);
				if (count > 0 || selected.contains(id)) {
					values.add(new SearchResults.FacetValue(id, labels.label(facet, id), count, selected.contains(id)));
				}
			}
			all.add(new SearchResults.FacetCounts(facet, values));
		}
		return all;
	}

	/** Taxonomy order for controlled values (stable for people ticking boxes); newest first for years. */
	private List<String> orderedIds(Facet facet, Set<String> counted, Set<String> selected) {
		List<String> ids = new ArrayList<>();
		if (facet == Facet.YEAR) {
			ids.addAll(counted);
			selected.stream().filter(s -> !ids.contains(s)).forEach(ids::add);
			ids.sort(Comparator.reverseOrder());
			return ids;
		}
		Vocabulary vocabulary = labels.taxonomy().vocabulary(facet.vocabulary());
		vocabulary.concepts().forEach(c -> ids.add(c.id()));
		counted.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
		return ids;
	}
}
