package uk.interop.kb.search.relevance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.Ranking;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.search.index.SentenceEmbeddings;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/**
 * Interop KB's own search over the shipped content, indexed as the app indexes it (embeddings
 * included), searching as a member with a given {@link Ranking}.
 */
final class EngineUnderTest implements AutoCloseable {

	private final SearchIndex index;
	private final FacetLabels labels;

	private EngineUnderTest(SearchIndex index, FacetLabels labels) {
		this.index = index;
		this.labels = labels;
	}

	static EngineUnderTest open(Path dir) throws IOException {
		RelevanceReport.deleteQuietly(dir.resolve("lucene"));
		Taxonomy taxonomy = new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy"));
		SentenceEmbeddings.Loaded embeddings = SentenceEmbeddings.load(dir.resolve("embeddings"));
		embeddings.problem().ifPresent(problem -> {
			throw new IllegalStateException("The relevance report needs the embedding model: " + problem);
		});
		SearchIndex index = new SearchIndex(dir.resolve("lucene"), taxonomy, embeddings.embeddings());
		new ContentIndexer(index, new ContentLoader(TestContent.REAL_CONTENT, taxonomy, new MarkdownRenderer()),
				taxonomy.fingerprint()).sync();
		return new EngineUnderTest(index, new FacetLabels(taxonomy));
	}

	/** The top {@code count} document ids for {@code query} under {@code ranking}. */
	List<String> search(Ranking ranking, String query, int count) {
		SearchRequest request = new SearchRequest(query, Map.of(), SearchRequest.Sort.RELEVANCE, 1, count);
		return new FacetedSearch(index, labels, ranking).search(request, Audience.MEMBERS).hits().stream()
			.map(h -> h.document().id()).toList();
	}

	SearchIndex index() {
		return index;
	}

	@Override
	public void close() {
		index.close();
	}
}
