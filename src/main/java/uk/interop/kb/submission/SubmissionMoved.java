package uk.interop.kb.submission;

/**
 * A submission moved in its workflow (submitted, changes requested, published, rejected, withdrawn).
 * Published inside the transaction that moves it, so whoever listens (the contributor's and editors'
 * emails) writes in that same transaction. {@code comment} is the editor's, or empty.
 */
public record SubmissionMoved(long submissionId, String documentId, String title, long ownerId, String ownerName,
		SubmissionStatus from, SubmissionStatus to, String comment, long actorId, String actorName) {
}
