package uk.interop.kb.search;

import java.util.Optional;

/**
 * Whether the search index can take writes now. A feature that changes a database document checks it
 * before its transaction commits, so that when the index cannot follow (its writer failed, its disk is
 * full) the change is refused whole, with nothing saved, instead of being saved and then failing.
 * Reading goes on meanwhile, from the last good searcher.
 */
public interface IndexStatus {

	/** Why the index cannot take writes now; empty when it can. */
	Optional<String> writeProblem();

	default boolean writable() {
		return writeProblem().isEmpty();
	}

	/** Throws {@link IndexUnavailableException} when the index cannot take writes now. */
	default void requireWritable() {
		Optional<String> problem = writeProblem();
		if (problem.isPresent()) {
			throw new IndexUnavailableException(problem.get());
		}
	}
}
