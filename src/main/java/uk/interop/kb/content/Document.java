package uk.interop.kb.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A document's metadata, from front matter (or a published submission). Ids in the lists
 * are concept ids from the taxonomy; {@code outcome}, {@code source}, {@code reference},
 * {@code status}, {@code sourceType} (an id from {@code source-types.yml}), {@code sourceDate}
 * (ISO {@code YYYY-MM-DD}, the cited source's publication date) and {@code reviewBy} (ISO, when an editor should
 * look at it again) are empty strings when absent. {@code updated} is when it last changed, never before
 * {@code published} (the same day when it has not changed).
 */
public record Document(String id, String title, String type, String summary, List<String> levels,
		List<String> themes, List<String> organisations, List<String> sectors, String outcome,
		List<String> barriers, LocalDate published, List<String> authors, Visibility visibility, String source,
		boolean illustrative, String reference, String status, String sourceType, String sourceDate,
		LocalDate updated, String reviewBy) {

	/** Never changed since it was published, and no review date. */
	public Document(String id, String title, String type, String summary, List<String> levels, List<String> themes,
			List<String> organisations, List<String> sectors, String outcome, List<String> barriers,
			LocalDate published, List<String> authors, Visibility visibility, String source, boolean illustrative,
			String reference, String status, String sourceType, String sourceDate) {
		this(id, title, type, summary, levels, themes, organisations, sectors, outcome, barriers, published, authors,
				visibility, source, illustrative, reference, status, sourceType, sourceDate, published, "");
	}

	/** Without a source type or date: documents that cite no dated public source. */
	public Document(String id, String title, String type, String summary, List<String> levels, List<String> themes,
			List<String> organisations, List<String> sectors, String outcome, List<String> barriers,
			LocalDate published, List<String> authors, Visibility visibility, String source, boolean illustrative,
			String reference, String status) {
		this(id, title, type, summary, levels, themes, organisations, sectors, outcome, barriers, published, authors,
				visibility, source, illustrative, reference, status, "", "");
	}

	public Document {
		if (updated == null || updated.isBefore(published)) {
			updated = published;
		}
		reviewBy = reviewBy == null ? "" : reviewBy;
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

	/** Changed after it was first published. */
	public boolean wasUpdated() {
		return updated.isAfter(published);
	}

	/** Past its review date on {@code today}. */
	public boolean reviewDue(LocalDate today) {
		return !reviewBy.isEmpty() && !LocalDate.parse(reviewBy).isAfter(today);
	}

	public boolean isPublic() {
		return visibility == Visibility.PUBLIC;
	}
}
