package uk.interop.kb.search;

/**
 * The search index cannot take a write now (its writer failed, its disk is full). Pages and the API
 * answer 503: try again later. Thrown before a change is committed ({@link IndexStatus#requireWritable()}),
 * nothing was changed; thrown after (the index failed as it wrote), the change is saved and the index
 * catches up once it recovers.
 */
public class IndexUnavailableException extends IllegalStateException {

	public IndexUnavailableException(String reason) {
		super("The search index cannot take changes now: " + reason);
	}

	public IndexUnavailableException(String reason, Throwable cause) {
		super("The search index cannot take changes now: " + reason, cause);
	}
}
