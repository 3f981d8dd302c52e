package uk.interop.kb.search;

import java.nio.file.Path;

/** Another process (usually a running app) holds the index's write lock. */
public final class IndexLockedException extends IllegalStateException {

	public IndexLockedException(Path dir, Throwable cause) {
		super("The index in " + dir.toAbsolutePath() + " is in use by another Interop KB process; stop it first",
				cause);
	}
}
