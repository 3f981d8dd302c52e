package uk.interop.kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import uk.interop.kb.content.Visibility;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * Search, documents, related documents and "latest" over the index. Every method takes an
 * {@link Audience}, and every Lucene query it runs carries that audience as a filter.
 */
public final class SearchService {

	/** Below this many hits, a spelling suggestion is looked for. */
	static final int SUGGEST_BELOW = 3;
	/** More values than any vocabulary has: every non-zero count is returned. */
	private static final int MAX_FACET_VALUES = 10_000;
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
	private static final Sort NEWEST = new Sort(new SortField(LuceneFields.PUBLISHED_SORT, SortField.Type.LONG, true),
			SortField.FIELD_SCORE);

	private final SearchIndex index;
	private final Taxonomy taxonomy;

	public SearchService(SearchIndex index, Taxonomy taxonomy) {
		this.index = index;
		this.taxonomy = taxonomy;
	}

	public SearchResults search(SearchRequest request, Audience audience) {
		return index.withSnapshot(snapshot -> {
			Query userQuery = QueryFactory.parse(request.query(), snapshot.queryAnalyzer());
			try {
				return run(snapshot, request, userQuery, audience);
			}
			catch (IndexSearcher.TooManyClauses ex) {
				return run(snapshot, request, QueryFactory.literal(request.query(), snapshot.queryAnalyzer()),
						audience);
			}
		});
	}

	private SearchResults run(SearchIndex.Snapshot snapshot, SearchRequest request, Query userQuery, Audience audience)
			throws IOException {
		IndexSearcher searcher = snapshot.searcher();
		Query base = restrict(userQuery, audience);
		int topN = request.page() * request.size();
		TopDocs top;
		List<SearchResults.FacetCounts> facets;
		if (snapshot.facetState().isPresent()) {
			DrillDownQuery drillDown = new DrillDownQuery(snapshot.facetsConfig(), base);
			request.filters().forEach((facet, values) -> values.forEach(v -> drillDown.add(facet.param(), v)));
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
				? suggest(snapshot, request, audience, top.totalHits.value) : Optional.empty();
		return new SearchResults(request, top.totalHits.value, hits, facets, suggestion);
	}

	private static ScoreDoc[] pageOf(ScoreDoc[] all, SearchRequest request) {
		int from = (request.page() - 1) * request.size();
		if (from >= all.length) {
			return new ScoreDoc[0];
		}
		return java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + request.size()));
	}

	private List<SearchResults.Hit> hits(SearchIndex.Snapshot snapshot, Query userQuery, String text, ScoreDoc[] page)
			throws IOException {
		IndexSearcher searcher = snapshot.searcher();
		// Each hit's stored fields are read (and decompressed) once; the highlighter reuses them.
		var stored = searcher.storedFields();
		Map<Integer, org.apache.lucene.document.Document> documents = new HashMap<>();
		for (ScoreDoc hit : page) {
			documents.put(hit.doc, stored.document(hit.doc));
		}
		String[] snippets = new String[page.length];
		if (!text.isBlank() && page.length > 0) {
			UnifiedHighlighter highlighter = new StoredDocumentsHighlighter(UnifiedHighlighter
				.builder(searcher, snapshot.indexAnalyzer())
				.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
				.withMaxLength(100_000), documents);
			int[] docIds = java.util.Arrays.stream(page).mapToInt(d -> d.doc).toArray();
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

		private final Map<Integer, org.apache.lucene.document.Document> documents;

		StoredDocumentsHighlighter(UnifiedHighlighter.Builder builder,
				Map<Integer, org.apache.lucene.document.Document> documents) {
			super(builder);
			this.documents = documents;
		}

		@Override
		protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
				int cacheCharsThreshold) throws IOException {
			List<CharSequence[]> values = new ArrayList<>();
			for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
				org.apache.lucene.document.Document document = documents.get(doc);
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
					values.add(new SearchResults.FacetValue(id, label(facet, id), count, selected.contains(id)));
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
		Vocabulary vocabulary = taxonomy.vocabulary(facet.vocabulary());
		vocabulary.concepts().forEach(c -> ids.add(c.id()));
		counted.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
		return ids;
	}

	public String label(Facet facet, String id) {
		return facet == Facet.YEAR ? id : taxonomy.vocabulary(facet.vocabulary()).label(id);
	}

	/**
	 * "Did you mean": each word the readable part of the index lacks is replaced by the
	 * closest word it has; offered only if the corrected query finds more for this audience.
	 */
	private Optional<String> suggest(SearchIndex.Snapshot snapshot, SearchRequest request, Audience audience,
			long currentTotal) throws IOException {
		var reader = snapshot.searcher().getIndexReader();
		List<String> fields = new ArrayList<>(List.of(KbAnalyzers.SPELL_PUBLIC));
		if (audience.mayRead(Visibility.MEMBERS)) {
			fields.add(KbAnalyzers.SPELL_MEMBERS);
		}
		DirectSpellChecker checker = new DirectSpellChecker();
		Matcher words = WORD.matcher(request.query());
		StringBuilder corrected = new StringBuilder();
		int last = 0;
		boolean changed = false;
		while (words.find()) {
			String word = words.group().toLowerCase(java.util.Locale.ROOT);
			corrected.append(request.query(), last, words.start());
			last = words.end();
			if (fields.stream().anyMatch(f -> docFreq(reader, f, word) > 0)) {
				corrected.append(words.group());
				continue;
			}
			SuggestWord best = null;
			for (String field : fields) {
				for (SuggestWord candidate : checker.suggestSimilar(new Term(field, word), 1, reader,
						SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
					if (best == null || candidate.score > best.score
							|| candidate.score == best.score && candidate.freq > best.freq) {
						best = candidate;
					}
				}
			}
			if (best == null) {
				corrected.append(words.group());
			}
			else {
				corrected.append(best.string);
				changed = true;
			}
		}
		corrected.append(request.query().substring(last));
		if (!changed) {
			return Optional.empty();
		}
		String suggestion = corrected.toString();
		Query check = restrict(QueryFactory.parse(suggestion, snapshot.queryAnalyzer()), audience);
		DrillDownQuery drillDown = new DrillDownQuery(snapshot.facetsConfig(), check);
		request.filters().forEach((facet, values) -> values.forEach(v -> drillDown.add(facet.param(), v)));
		return snapshot.searcher().count(drillDown) > currentTotal ? Optional.of(suggestion) : Optional.empty();
	}

	private static int docFreq(org.apache.lucene.index.IndexReader reader, String field, String word) {
		try {
			return reader.docFreq(new Term(field, word));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The document with this id, if the audience may read it. */
	public Optional<IndexedDocument> document(String id, Audience audience) {
		return index.withSnapshot(snapshot -> {
			TopDocs top = snapshot.searcher().search(restrict(new TermQuery(new Term(LuceneFields.ID, id)), audience), 1);
			if (top.scoreDocs.length == 0) {
				return Optional.empty();
			}
			return Optional.of(snapshot.mapper().fromLucene(snapshot.searcher().storedFields().document(top.scoreDocs[0].doc)));
		});
	}

	/**
	 * Documents like this one: MoreLikeThis over its text, plus shared themes and levels,
	 * among what the audience may read.
	 */
	public List<IndexedDocument> related(String id, Audience audience, int count) {
		return index.withSnapshot(snapshot -> {
			IndexSearcher searcher = snapshot.searcher();
			TopDocs self = searcher.search(restrict(new TermQuery(new Term(LuceneFields.ID, id)), audience), 1);
			if (self.scoreDocs.length == 0) {
				return List.of();
			}
			IndexedDocument source = snapshot.mapper().fromLucene(searcher.storedFields().document(self.scoreDocs[0].doc));
			MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
			mlt.setAnalyzer(snapshot.indexAnalyzer());
			mlt.setFieldNames(new String[] { LuceneFields.TITLE, LuceneFields.SUMMARY, LuceneFields.BODY });
			mlt.setMinTermFreq(1);
			mlt.setMinDocFreq(2);
			mlt.setMaxDocFreqPct(60);
			mlt.setMaxQueryTerms(30);
			BooleanQuery.Builder like = new BooleanQuery.Builder();
			like.add(mlt.like(LuceneFields.BODY, new StringReader(source.document().title() + "\n"
					+ source.document().summary() + "\n" + bodyText(searcher, self.scoreDocs[0].doc))), Occur.SHOULD);
			source.document().themes().forEach(t -> like.add(new BoostQuery(new TermQuery(
					new Term(Facet.THEME.param(), t)), 2f), Occur.SHOULD));
			source.document().levels().forEach(l -> like.add(new BoostQuery(new TermQuery(
					new Term(Facet.LEVEL.param(), l)), 1f), Occur.SHOULD));
			like.add(new TermQuery(new Term(LuceneFields.ID, id)), Occur.MUST_NOT);
			like.setMinimumNumberShouldMatch(1);
			TopDocs top = searcher.search(restrict(like.build(), audience), count);
			List<IndexedDocument> related = new ArrayList<>();
			for (ScoreDoc hit : top.scoreDocs) {
				related.add(snapshot.mapper().fromLucene(searcher.storedFields().document(hit.doc)));
			}
			return related;
		});
	}

	/**
	 * Readable documents like a piece of text not in the index yet (a draft being typed), so a
	 * contributor sees what the library already holds before writing it again.
	 */
	public List<IndexedDocument> similarTo(String text, Audience audience, int count) {
		String sample = text.length() > 20_000 ? text.substring(0, 20_000) : text;
		if (sample.isBlank()) {
			return List.of();
		}
		return index.withSnapshot(snapshot -> {
			IndexSearcher searcher = snapshot.searcher();
			MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
			mlt.setAnalyzer(snapshot.indexAnalyzer());
			mlt.setFieldNames(new String[] { LuceneFields.TITLE, LuceneFields.SUMMARY, LuceneFields.BODY });
			mlt.setMinTermFreq(1);
			mlt.setMinDocFreq(1);
			mlt.setMaxDocFreqPct(60);
			mlt.setMaxQueryTerms(30);
			Query like = mlt.like(LuceneFields.BODY, new StringReader(sample));
			TopDocs top = searcher.search(restrict(like, audience), count);
			List<IndexedDocument> similar = new ArrayList<>();
			for (ScoreDoc hit : top.scoreDocs) {
				similar.add(snapshot.mapper().fromLucene(searcher.storedFields().document(hit.doc)));
			}
			return similar;
		});
	}

	private static String bodyText(IndexSearcher searcher, int doc) throws IOException {
		String body = searcher.storedFields().document(doc, Set.of(LuceneFields.BODY)).get(LuceneFields.BODY);
		return body == null ? "" : body;
	}

	/**
	 * Completions for what someone has typed so far: titles of readable documents whose words
	 * start with it (the last word as a prefix), then taxonomy labels containing it.
	 */
	public List<String> suggest(String typed, Audience audience, int count) {
		String text = QueryFactory.clean(typed).toLowerCase(java.util.Locale.ROOT);
		if (text.length() < 2) {
			return List.of();
		}
		java.util.LinkedHashSet<String> suggestions = new java.util.LinkedHashSet<>();
		index.withSnapshot(snapshot -> {
			org.apache.lucene.queryparser.simple.SimpleQueryParser parser = new org.apache.lucene.queryparser.simple.SimpleQueryParser(
					snapshot.queryAnalyzer(), java.util.Map.of(LuceneFields.TITLE, 1f),
					org.apache.lucene.queryparser.simple.SimpleQueryParser.PREFIX_OPERATOR
							| org.apache.lucene.queryparser.simple.SimpleQueryParser.WHITESPACE_OPERATOR);
			parser.setDefaultOperator(Occur.MUST);
			Query query = parser.parse(text.replaceAll("[^\\p{L}\\p{N} ]", " ").strip() + "*");
			TopDocs top = snapshot.searcher().search(restrict(query, audience), count);
			for (ScoreDoc hit : top.scoreDocs) {
				suggestions.add(snapshot.searcher().storedFields().document(hit.doc, Set.of(LuceneFields.TITLE))
					.get(LuceneFields.TITLE));
			}
			return null;
		});
		for (Vocabulary vocabulary : taxonomy.inOrder()) {
			vocabulary.concepts().stream()
				.filter(c -> c.label().toLowerCase(java.util.Locale.ROOT).contains(text)
						|| c.altLabels().stream().anyMatch(a -> a.toLowerCase(java.util.Locale.ROOT).startsWith(text)))
				.forEach(c -> suggestions.add(c.label()));
		}
		return suggestions.stream().limit(count).toList();
	}

	/** The newest documents the audience may read, optionally of some types only. */
	public List<IndexedDocument> latest(Audience audience, int count, Set<String> types) {
		return index.withSnapshot(snapshot -> {
			Query query = types.isEmpty() ? new MatchAllDocsQuery()
					: new TermInSetQuery(Facet.TYPE.param(), types.stream().map(BytesRef::new).toList());
			IndexSearcher searcher = snapshot.searcher();
			TopDocs top = searcher.search(restrict(query, audience), count, NEWEST);
			List<IndexedDocument> latest = new ArrayList<>();
			for (ScoreDoc hit : top.scoreDocs) {
				latest.add(snapshot.mapper().fromLucene(searcher.storedFields().document(hit.doc)));
			}
			return latest;
		});
	}

	/** The access rule, applied inside every query: only visibilities the audience may read. */
	static Query restrict(Query query, Audience audience) {
		BooleanQuery.Builder allowed = new BooleanQuery.Builder();
		for (Visibility visibility : audience.visible()) {
			allowed.add(new TermQuery(new Term(LuceneFields.VISIBILITY, visibility.id())), Occur.SHOULD);
		}
		return new BooleanQuery.Builder().add(query, Occur.MUST).add(allowed.build(), Occur.FILTER).build();
	}
}
