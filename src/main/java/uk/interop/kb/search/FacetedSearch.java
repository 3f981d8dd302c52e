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
import java.util.OptionalLong;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import uk.interop.kb.search.index.LuceneFields;
import uk.interop.kb.search.index.QueryFactory;
import uk.interop.kb.search.index.QueryIntents;
import uk.interop.kb.search.index.Ranking;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.search.index.SemanticMatches;
import uk.interop.kb.search.index.SpellingCorrector;
import uk.interop.kb.search.index.TieBreaks;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * The search page's and the API's search: one page of hits with snippets, every facet's counts
 * (drill-sideways: each facet counts with every filter but its own), what the query seemed to ask for,
 * and spelling help. Lexical matches and semantic (passage vector) matches are fused by reciprocal
 * rank; the facets count exactly that fused set. Every query, the vector search included, carries the
 * audience's {@link AccessFilter}. For editors, the documents due for review among the matches are counted, and
 * can be the only ones found ({@link SearchRequest.Review}).
 */
public final class FacetedSearch {

	/** Below this many hits, a spelling suggestion is looked for. */
	static final int SUGGEST_BELOW = 3;
	/** How deep the lexical list is read for fusion; deeper pages follow the lexical order. */
	static final int FUSION_DEPTH = 100;
	static final Sort NEWEST = new Sort(new SortField(LuceneFields.PUBLISHED_SORT, SortField.Type.LONG, true),
			SortField.FIELD_SCORE);
	/** Relevance, and when that ties, real sources before illustrative examples, then the newest. */
	static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
			new SortField(LuceneFields.ILLUSTRATIVE_SORT, SortField.Type.INT),
			new SortField(LuceneFields.PUBLISHED_SORT, SortField.Type.LONG, true));

	private final SearchIndex index;
	private final FacetLabels labels;
	private final Ranking ranking;
	private final QueryIntents intents;
	private final SpellingCorrector spelling = new SpellingCorrector();

	public FacetedSearch(SearchIndex index, FacetLabels labels) {
		this(index, labels, Ranking.DEFAULT);
	}

	public FacetedSearch(SearchIndex index, FacetLabels labels, Ranking ranking) {
		this.index = index;
		this.labels = labels;
		this.ranking = ranking;
		this.intents = new QueryIntents(labels.taxonomy(), index.queryAnalyzer());
	}

	public SearchResults search(SearchRequest request, Audience audience) {
		AccessFilter access = AccessFilter.of(audience);
		List<QueryIntents.Intent> named = intents.recognise(request.query());
		return index.withSnapshot(snapshot -> {
			Found found = run(snapshot, request, request.query(), named, access);
			Optional<String> corrected = Optional.empty();
			Optional<String> suggestion = Optional.empty();
			if (!request.query().isBlank() && (found.total() < SUGGEST_BELOW || ranking.autoCorrect())) {
				// Only words no readable document contains are corrected: they cannot match anything as typed.
				long total = found.total();
				Optional<String> correction = spelling.correct(snapshot, request.query(), access,
						text -> run(snapshot, request.withPage(1, 1), text, intents.recognise(text), access)
							.total() > total);
				if (correction.isPresent() && ranking.autoCorrect() && request.correctSpelling()) {
					corrected = correction;
					found = run(snapshot, request, correction.get(), intents.recognise(correction.get()), access);
				}
				else if (total < SUGGEST_BELOW && request.correctSpelling()) {
					suggestion = correction;
				}
			}
			List<SearchResults.Hit> hits = hits(snapshot, found.scoring(), corrected.orElse(request.query()),
					found.page());
			return new SearchResults(request, found.total(), hits, facetCounts(found.facets(), request), suggestion,
					corrected, suggestedFilters(named, request), reviewDueCount(snapshot, found, request));
		});
	}

	/** One run of one query text: the page, the total, the facets, and the base query the facet filters narrow. */
	private record Found(long total, ScoreDoc[] page, Facets facets, Query scoring, Query base) {
	}

	/** Due for review: a review-by day on or before the request's today. Documents without one never are. */
	private static Query dueForReview(SearchRequest.Review review) {
		return LongPoint.newRangeQuery(LuceneFields.REVIEW_BY_DAY, Long.MIN_VALUE, review.today().toEpochDay());
	}

	/** The query kept to documents due for review when an editor asked for them alone: a filter, scoring nothing. */
	private static Query reviewFiltered(Query query, SearchRequest.Review review) {
		return review.dueOnly() ? new BooleanQuery.Builder().add(query, Occur.MUST)
			.add(dueForReview(review), Occur.FILTER).build() : query;
	}

	/** For editors: how many documents matching the query and every filter are due for review. */
	private static OptionalLong reviewDueCount(SearchIndex.Snapshot snapshot, Found found, SearchRequest request)
			throws IOException {
		if (!request.review().shown()) {
			return OptionalLong.empty();
		}
		Query matched = drillDown(snapshot, found.base(), request);
		return OptionalLong.of(snapshot.searcher().count(new BooleanQuery.Builder().add(matched, Occur.FILTER)
			.add(dueForReview(request.review()), Occur.FILTER).build()));
	}

	private Found run(SearchIndex.Snapshot snapshot, SearchRequest request, String text,
			List<QueryIntents.Intent> named, AccessFilter access) throws IOException {
		QueryFactory.Built built = QueryFactory.build(text, snapshot.queryAnalyzer(), ranking, named);
		try {
			return run(snapshot, request, text, built, access);
		}
		catch (IndexSearcher.TooManyClauses ex) {
			return run(snapshot, request, text, QueryFactory.literal(text, snapshot.queryAnalyzer(), ranking, named),
					access);
		}
	}

	private Found run(SearchIndex.Snapshot snapshot, SearchRequest request, String text, QueryFactory.Built built,
			AccessFilter access) throws IOException {
		IndexSearcher searcher = snapshot.searcher();
		SemanticMatches.Found found = ranking.semantic() && !text.isBlank() && spelling.anyKnown(snapshot, text, access)
				? SemanticMatches.find(snapshot, index.embeddings(), text, access, ranking) : SemanticMatches.Found.NONE;
		List<SemanticMatches.Match> semantic = found.matches();
		Query base = reviewFiltered(access.restrict(built.query()), request.review());
		Query semanticIds = null;
		if (!semantic.isEmpty()) {
			semanticIds = new TermInSetQuery(LuceneFields.ID, semantic.stream().map(m -> new BytesRef(m.id())).toList());
			// The fused set: lexical matches and semantic matches; only the lexical side scores.
			base = reviewFiltered(access.restrict(new BooleanQuery.Builder().add(built.query(), Occur.SHOULD)
				.add(new BoostQuery(semanticIds, 0f), Occur.SHOULD).build()), request.review());
		}
		int wanted = request.page() * request.size();
		// The fusion needs the lexical list to its depth; without semantic matches, the page is enough.
		int topN = request.sort() == SearchRequest.Sort.NEWEST || semantic.isEmpty() ? wanted
				: Math.max(wanted, FUSION_DEPTH);
		TopDocs top;
		Facets facets = null;
		if (snapshot.facetState().isPresent()) {
			DrillSideways sideways = new DrillSideways(searcher, snapshot.facetsConfig(), snapshot.facetState().get());
			DrillSideways.DrillSidewaysResult result = sideways.search(drillDown(snapshot, base, request), null, null,
					topN, request.sort() == SearchRequest.Sort.NEWEST ? NEWEST : RELEVANCE, false);
			top = result.hits;
			facets = result.facets;
		}
		else {
			top = searcher.search(base, Math.max(1, topN),
					request.sort() == SearchRequest.Sort.NEWEST ? NEWEST : RELEVANCE, false);
		}
		if (request.sort() == SearchRequest.Sort.RELEVANCE) {
			// The relevance sort's first key is the score: taken from there, rather than asking Lucene to
			// score the top documents a second time (doDocScores), which cost a seventh of each search.
			for (ScoreDoc hit : top.scoreDocs) {
				hit.score = (Float) ((FieldDoc) hit).fields[0];
			}
		}
		ScoreDoc[] ordered = top.scoreDocs;
		if (semanticIds != null && request.sort() == SearchRequest.Sort.RELEVANCE) {
			ordered = fuse(snapshot, request, top.scoreDocs, found, semanticIds);
		}
		return new Found(top.totalHits.value, pageOf(ordered, request), facets, built.query(), base);
	}

	/**
	 * Fuses the lexical list (the top {@link #FUSION_DEPTH} lexical hits) with the semantic one (matches
	 * that pass the request's filters): by reciprocal rank, or by a linear blend of the lexical score
	 * (scaled to the best hit's) and the best passage's cosine. Ties go to real sources, then the newest.
	 * Hits beyond the fusion depth follow in lexical order.
	 */
	private ScoreDoc[] fuse(SearchIndex.Snapshot snapshot, SearchRequest request, ScoreDoc[] lexical,
			SemanticMatches.Found found, Query semanticIds) throws IOException {
		TopDocs passing = snapshot.searcher().search(
				drillDown(snapshot, reviewFiltered(semanticIds, request.review()), request),
				found.matches().size());
		Set<Integer> allowed = new java.util.HashSet<>();
		for (ScoreDoc hit : passing.scoreDocs) {
			allowed.add(hit.doc);
		}
		List<SemanticMatches.Match> semantic = found.matches().stream().filter(m -> allowed.contains(m.doc())).toList();
		Map<Integer, Double> fused = new LinkedHashMap<>();
		List<ScoreDoc> candidates = new ArrayList<>();
		for (ScoreDoc hit : lexical) {
			if (hit.score > 0 && candidates.size() < FUSION_DEPTH) {
				candidates.add(hit);
			}
		}
		if (ranking.linearBlend()) {
			float best = candidates.isEmpty() ? 1 : candidates.get(0).score;
			Set<Integer> docs = new java.util.HashSet<>();
			candidates.forEach(hit -> docs.add(hit.doc));
			semantic.forEach(match -> docs.add(match.doc()));
			Map<Integer, Float> cosines = SemanticMatches.similarities(snapshot, found.vector(), docs);
			Map<Integer, Float> lexicalScores = new HashMap<>();
			candidates.forEach(hit -> lexicalScores.put(hit.doc, hit.score));
			double weight = ranking.semanticWeight();
			for (int doc : docs) {
				double meaning = Math.max(0, (cosines.getOrDefault(doc, 0f) - Ranking.UNRELATED_COSINE)
						/ (1 - Ranking.UNRELATED_COSINE));
				fused.put(doc, (1 - weight) * lexicalScores.getOrDefault(doc, 0f) / best + weight * meaning);
			}
		}
		else {
			int rank = 0;
			for (ScoreDoc hit : candidates) {
				fused.merge(hit.doc, 1.0 / (ranking.fusionK() + ++rank), Double::sum);
			}
			rank = 0;
			for (SemanticMatches.Match match : semantic) {
				fused.merge(match.doc(), ranking.semanticWeight() / (ranking.fusionK() + ++rank), Double::sum);
			}
		}
		TieBreaks ties = TieBreaks.of(snapshot.searcher().getIndexReader());
		List<Integer> order = new ArrayList<>(fused.keySet());
		order.sort(Comparator.<Integer>comparingDouble(doc -> -fused.get(doc))
			.thenComparingInt(ties::illustrative)
			.thenComparingLong(doc -> -ties.published(doc))
			.thenComparingInt(doc -> doc));
		List<ScoreDoc> result = new ArrayList<>();
		for (int doc : order) {
			result.add(new ScoreDoc(doc, fused.get(doc).floatValue()));
		}
		for (ScoreDoc hit : lexical) {
			if (!fused.containsKey(hit.doc) && hit.score > 0) {
				result.add(hit);
			}
		}
		return result.toArray(ScoreDoc[]::new);
	}

	/** The query narrowed by the request's filters: values within a facet ORed, facets ANDed. */
	static DrillDownQuery drillDown(SearchIndex.Snapshot snapshot, Query base, SearchRequest request) {
		DrillDownQuery drillDown = new DrillDownQuery(snapshot.facetsConfig(), base);
		request.filters().forEach((facet, values) -> values.forEach(v -> drillDown.add(facet.param(), v)));
		return drillDown;
	}

	private static ScoreDoc[] pageOf(ScoreDoc[] all, SearchRequest request) {
		int from = (request.page() - 1) * request.size();
		if (from >= all.length) {
			return new ScoreDoc[0];
		}
		return Arrays.copyOfRange(all, from, Math.min(all.length, from + request.size()));
	}

	private List<SearchResults.SuggestedFilter> suggestedFilters(List<QueryIntents.Intent> named,
			SearchRequest request) {
		List<SearchResults.SuggestedFilter> filters = new ArrayList<>();
		for (QueryIntents.Intent intent : named) {
			if (!request.selected(intent.facet()).contains(intent.conceptId()) && filters.size() < 3) {
				filters.add(new SearchResults.SuggestedFilter(intent.facet(), intent.conceptId(), intent.label()));
			}
		}
		return filters;
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
				// Offsets straight from the postings of the query's terms, not through the Matches API
				// for every clause: a fifth of each search's CPU went on that, for the same marks.
				.withWeightMatches(false)
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
			FacetResult result = facets == null ? null : facets.getAllChildren(facet.param());
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
		Set<String> ids = new java.util.LinkedHashSet<>();
		if (facet.isYear()) {
			ids.addAll(counted);
			ids.addAll(selected);
			List<String> years = new ArrayList<>(ids);
			years.sort(Comparator.reverseOrder());
			return years;
		}
		Vocabulary vocabulary = labels.taxonomy().vocabulary(facet.vocabulary());
		vocabulary.concepts().forEach(c -> ids.add(c.id()));
		ids.addAll(counted);
		return new ArrayList<>(ids);
	}
}
