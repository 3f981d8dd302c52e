package uk.interop.kb.submission;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The public history of a document whose truth is the database: each change published after it first was, with its
 * date and one-line summary (who made it is not public). Document pages show it; a document with no changes (every
 * content file, whose history is in git) has an empty one.
 */
@Component
public class DocumentHistory {

	/** One published change. */
	public record Change(Instant at, String summary) {
	}

	private final SubmissionRepository repository;

	DocumentHistory(SubmissionRepository repository) {
		this.repository = repository;
	}

	/** Newest first. */
	public List<Change> of(String documentId) {
		return repository.documentChanges(documentId);
	}
}
