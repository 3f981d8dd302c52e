package uk.interop.kb.content;

/**
 * A document ready to index: metadata, its Markdown body rendered once, and a hash of the
 * bytes it came from so an unchanged file is not indexed again.
 */
public record SourceDocument(Document document, String markdown, RenderedMarkdown rendered, String contentHash,
		Origin origin) {

	/** Where a document's truth lives: a file under {@code content/}, or the database. */
	public enum Origin {
		FILE, DATABASE
	}
}
