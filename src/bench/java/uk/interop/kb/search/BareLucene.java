package uk.interop.kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import uk.interop.kb.search.index.KbAnalyzers;
import uk.interop.kb.search.index.QueryFactory;
import uk.interop.kb.search.index.Ranking;

/**
 * The benchmark's baseline: the same search (same analysis, query, access filter,
 * drill-sideways counts for every facet, highlighted top 10, stored fields of the top 10) on a
 * plain {@link IndexSearcher} over the same index, with none of the application's code around
 * it. Lives in this package only to reuse the analysis chain, so both sides analyse alike.
 */
public final class BareLucene implements Closeable {

	private static final List<String> DIMENSIONS = Arrays.stream(Facet.values()).map(Facet::param).toList();
	private static final Ranking LEXICAL = Ranking.DEFAULT.withSemantic(false);

	private final FSDirectory directory;
	private final DirectoryReader reader;
	private final IndexSearcher searcher;
	private final FacetsConfig config = new FacetsConfig();
	private final SortedSetDocValuesReaderState state;
	private final Analyzer queryAnalyzer = KbAnalyzers.forQueries();
	private final Analyzer indexAnalyzer;

	public BareLucene(Path indexDir, String synonyms) {
		try {
			directory = FSDirectory.open(indexDir);
			reader = DirectoryReader.open(directory);
			searcher = new IndexSearcher(reader);
			DIMENSIONS.forEach(d -> config.setMultiValued(d, true));
			state = new DefaultSortedSetDocValuesReaderState(reader, config);
			indexAnalyzer = KbAnalyzers.forIndexing(synonyms);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs the search for the public audience and returns the total hits. */
	public long search(String text, Map<Facet, Set<String>> filters, int size) {
		try {
			// The engine's own lexical query (words, weights, minimum match, all-words boost), so both
			// sides match and score alike; what differs is everything the application does around it.
			Query query = QueryFactory.build(text, queryAnalyzer, LEXICAL, List.of()).query();
			Query base = new BooleanQuery.Builder().add(query, Occur.MUST)
				.add(new TermQuery(new Term("visibility", "public")), Occur.FILTER)
				.build();
			DrillDownQuery drillDown = new DrillDownQuery(config, base);
			filters.forEach((facet, values) -> values.forEach(v -> drillDown.add(facet.param(), v)));
			DrillSideways.DrillSidewaysResult result = new DrillSideways(searcher, config, state).search(drillDown,
					size);
			long counted = 0;
			for (String dimension : DIMENSIONS) {
				var counts = result.facets.getTopChildren(10_000, dimension);
				counted += counts == null ? 0 : counts.childCount;
			}
			int[] docs = Arrays.stream(result.hits.scoreDocs).mapToInt(d -> d.doc).toArray();
			if (docs.length > 0) {
				UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
					.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
					.withMaxLength(100_000)
					.build();
				highlighter.highlightFields(new String[] { "body", "summary" }, query, docs, new int[] { 2, 1 });
			}
			StoredFields stored = searcher.storedFields();
			for (int doc : docs) {
				counted += stored.document(doc).getFields().size();
			}
			return counted >= 0 ? result.hits.totalHits.value : -1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			reader.close();
			directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
