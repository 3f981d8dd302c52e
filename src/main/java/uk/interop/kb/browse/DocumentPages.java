package uk.interop.kb.browse;

import org.springframework.stereotype.Component;

import uk.interop.kb.content.Document;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * What the document page's fragment ({@code fragments/document.html}) works out from a document, as a bean the
 * template calls ({@code @documentPages}), so the contributor's preview, which has no document page behind it, shows
 * exactly the same type, metadata and source as the page will.
 */
@Component("documentPages")
public class DocumentPages {

	private final Taxonomy taxonomy;

	DocumentPages(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	public DocumentMetadata metadata(Document document) {
		return DocumentMetadata.of(document, taxonomy);
	}

	public SourceText source(Document document) {
		return SourceText.of(document.source());
	}
}
