package uk.interop.kb.support;

import java.util.List;

import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.ContentSnapshot;
import uk.interop.kb.content.Document;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/** The shipped {@code content/} folder, loaded the way the app loads it: the brute-force side of checks. */
public final class RealContent {

	private RealContent() {
	}

	public static ContentLoader loader(uk.interop.kb.taxonomy.Taxonomy taxonomy) {
		return new ContentLoader(TestContent.REAL_CONTENT, taxonomy, new MarkdownRenderer());
	}

	public static ContentSnapshot load() {
		return new ContentLoader(TestContent.REAL_CONTENT,
				new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy")), new MarkdownRenderer())
			.loadAll();
	}

	public static List<Document> documents() {
		return load().documents().stream().map(SourceDocument::document).toList();
	}
}
