package uk.interop.kb.submission;

import java.time.Instant;
import java.util.Optional;

/**
 * A contributed lesson or case study; its text lives in its revisions. {@code version} guards concurrent edits.
 * A suggested change to a published document has {@code changesDocument} (that document's id), a one-line
 * {@code changeSummary} and {@code changesBase} (the hash of the published text it was made against).
 */
public record Submission(long id, String documentId, long ownerId, String ownerName, SubmissionStatus status,
		String title, int currentRevision, int version, Instant createdAt, Instant updatedAt,
		Optional<Instant> submittedAt, Optional<Instant> publishedAt, Optional<String> changesDocument,
		String changeSummary, String changesBase) {

	/** A suggested change to a published document, rather than a new one. */
	public boolean isSuggestion() {
		return changesDocument.isPresent();
	}
}
