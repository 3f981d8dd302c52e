package uk.interop.kb.problembook;

import java.time.Instant;
import java.util.List;

import uk.interop.kb.content.Visibility;

/** A problem-book entry created in the app: the database row. */
record StoredEntry(String reference, int number, String documentId, String title, String summary, String statement,
		List<String> themes, Visibility visibility, String status, String createdBy, Instant createdAt) {

	StoredEntry {
		themes = List.copyOf(themes);
	}
}
