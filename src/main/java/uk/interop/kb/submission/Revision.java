package uk.interop.kb.submission;

import java.time.Instant;

/** One saved version of a submission: the complete Markdown file, front matter and body. */
public record Revision(long submissionId, int number, String markdown, String authorName, Instant createdAt) {
}
