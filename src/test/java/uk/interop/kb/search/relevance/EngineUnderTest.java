package uk.interop.kb.search.relevance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/** Interop KB's own search over the shipped content, wired as the app wires it, searching as a member. */
final class EngineUnderTest implements AutoCloseable {

	private final SearchIndex index;
	private final FacetedSearch search;

	private EngineUnderTest(SearchIndex index, FacetedSearch search) {
		this.index = index;
		this.search = search;
	}

	static EngineUnderTest open(Path indexDir) throws IOException {
		RelevanceReport.deleteQuietly(indexDir);
		Taxonomy taxonomy = new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy"));
		SearchIndex index = new SearchIndex(indexDir, taxonomy.synonyms());
		new ContentIndexer(index, new ContentLoader(TestContent.REAL_CONTENT, taxonomy, new MarkdownRenderer()),
				taxonomy.fingerprint()).sync();
		return new EngineUnderTest(index, new FacetedSearch(index, new FacetLabels(taxonomy)));
	}

	List<String> search(String query, int count) {
		SearchRequest request = new SearchRequest(query, java.util.Map.of(), SearchRequest.Sort.RELEVANCE, 1, count);
		return search.search(request, Audience.MEMBERS).hits().stream().map(h -> h.document().id()).toList();
	}

	@Override
	public void close() {
		index.close();
	}
}
