package uk.interop.kb.content;

import java.util.List;

/** Sanitised HTML of a body, its level-2 headings (for the contents list) and its plain text (for search). */
public record RenderedMarkdown(String html, List<Heading> headings, String plainText) {

	public RenderedMarkdown {
		headings = List.copyOf(headings);
	}

	public record Heading(String id, String text) {
	}
}
