package uk.interop.kb.support;

import java.util.ArrayList;
import java.util.List;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.DocumentSource;

/**
 * Every document the running app should have indexed, read from the sources of truth (the
 * content folder and every database-backed {@link DocumentSource}), not from the index: the
 * brute-force side of count checks in tests that share the app with tests that publish.
 */
public final class Corpus {

	private final List<DocumentSource> sources;

	public Corpus(List<DocumentSource> sources) {
		this.sources = List.copyOf(sources);
	}

	public List<Document> documents() {
		List<Document> all = new ArrayList<>(RealContent.documents());
		sources.forEach(source -> source.documents().stream().map(SourceDocument::document).forEach(all::add));
		return all;
	}
}
