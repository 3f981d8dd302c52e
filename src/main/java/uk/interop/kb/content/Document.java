package uk.interop.kb.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A document's metadata, from front matter (or a published submission). Ids in the lists
 * are concept ids from the taxonomy; {@code outcome}, {@code source}, {@code reference},
 * {@code status}, {@code sourceType} (an id from {@code source-types.yml}) and {@code sourceDate}
 * (ISO {@code YYYY-MM-DD}, the cited source's publication date) are empty strings when absent.
 */
public record Document(String id, String title, String type, String summary, List<String> levels,
		List<String> themes, List<String> organisations, List<String> sectors, String outcome,
		List<String> barriers, LocalDate published, List<String> authors, Visibility visibility, String source,
		boolean illustrative, String reference, String status, String sourceType, String sourceDate) {

	/** Without a source type or date: documents that cite no dated public source. */
	public Document(String id, String title, String type, String summary, List<String> levels, List<String> themes,
			List<String> organisations, List<String> sectors, String outcome, List<String> barriers,
			LocalDate published, List<String> authors, Visibility visibility, String source, boolean illustrative,
			String reference, String status) {
		this(id, title, type, summary, levels, themes, organisations, sectors, outcome, barriers, published, authors,
				visibility, source, illustrative, reference, status, "", "");
	}

	public Document {
		levels = List.copyOf(levels);
		themes = List.copyOf(themes);
		organisations = List.copyOf(organisations);
		sectors = List.copyOf(sectors);
		barriers = List.copyOf(barriers);
		authors = List.copyOf(authors);
	}

	/** The year of the cited source, if the document gives its date. */
	public String sourceYear() {
		return sourceDate.length() >= 4 ? sourceDate.substring(0, 4) : "";
	}

	public boolean isPublic() {
		return visibility == Visibility.PUBLIC;
	}
}
