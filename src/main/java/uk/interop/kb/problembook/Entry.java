package uk.interop.kb.problembook;

import java.time.LocalDate;
import java.util.List;

import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.content.Visibility;

/**
 * A problem-book entry as a reader may see it. {@code initialLevels} are its front-matter levels
 * (none for an entry created in the app); {@code html} is its rendered, sanitised body.
 */
public record Entry(String reference, String documentId, String title, String summary, List<String> themes,
		String status, Visibility visibility, SourceDocument.Origin origin, List<String> initialLevels,
		LocalDate published, String html) {

	public Entry {
		themes = List.copyOf(themes);
		initialLevels = List.copyOf(initialLevels);
	}

	public String url() {
		return "/problem-book/" + reference;
	}

	public String documentUrl() {
		return "/documents/" + documentId;
	}

	public boolean isPublic() {
		return visibility == Visibility.PUBLIC;
	}

	/** The number in {@code PB-017}, for ordering; 0 if the reference has none. */
	public int number() {
		return References.number(reference);
	}
}
