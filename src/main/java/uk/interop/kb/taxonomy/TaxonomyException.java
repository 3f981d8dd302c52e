package uk.interop.kb.taxonomy;

/** The taxonomy files are missing or malformed; the message names the file and the problem. */
public class TaxonomyException extends RuntimeException {
	public TaxonomyException(String message) {
		super(message);
	}

	public TaxonomyException(String message, Throwable cause) {
		super(message, cause);
	}
}
