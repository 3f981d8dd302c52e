package uk.interop.kb.search;

import java.util.List;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.RenderedMarkdown;

/**
 * A document as the index holds it: metadata plus the rendered, sanitised body, and the hash of the
 * source it was indexed from (so a reader can tell that a document changed without comparing texts).
 */
public record IndexedDocument(Document document, String html, List<RenderedMarkdown.Heading> headings,
		String contentHash) {

	public IndexedDocument {
		headings = List.copyOf(headings);
	}

	public String id() {
		return document.id();
	}

	public String url() {
		return "/documents/" + document.id();
	}
}
