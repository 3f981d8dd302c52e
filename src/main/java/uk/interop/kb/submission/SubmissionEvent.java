package uk.interop.kb.submission;

import java.time.Instant;
import java.util.Optional;

/** A transition, with who made it and their comment (required when asking for changes or rejecting). */
public record SubmissionEvent(Optional<SubmissionStatus> from, SubmissionStatus to, String actorName, String comment,
		Instant createdAt) {
}
