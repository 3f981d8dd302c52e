package uk.interop.kb.submission;

import java.time.Instant;
import java.util.Optional;

/** A contributed lesson or case study; its text lives in its revisions. {@code version} guards concurrent edits. */
public record Submission(long id, String documentId, long ownerId, String ownerName, SubmissionStatus status,
		String title, int currentRevision, int version, Instant createdAt, Instant updatedAt,
		Optional<Instant> submittedAt, Optional<Instant> publishedAt) {
}
