package uk.interop.kb.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A document's metadata, from front matter (or a published submission). Ids in the lists
 * are concept ids from the taxonomy; {@code outcome}, {@code source}, {@code reference}
 * and {@code status} are empty strings when absent.
 */
public record Document(String id, String title, String type, String summary, List<String> levels,
		List<String> themes, List<String> organisations, List<String> sectors, String outcome,
		List<String> barriers, LocalDate published, List<String> authors, Visibility visibility, String source,
		boolean illustrative, String reference, String status) {

	public Document {
		levels = List.copyOf(levels);
		themes = List.copyOf(themes);
		organisations = List.copyOf(organisations);
		sectors = List.copyOf(sectors);
		barriers = List.copyOf(barriers);
		authors = List.copyOf(authors);
	}

	public boolean isPublic() {
		return visibility == Visibility.PUBLIC;
	}
}
