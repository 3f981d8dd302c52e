package uk.interop.kb.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An answer to one indicator, with a copy of what was asked (for reading it back when the framework has
 * changed). {@code step} is 1 to 5, 0 for "not known", empty while only evidence has been saved.
 * {@code revision} counts saves: a form carries the revision it was opened at.
 */
public record Answer(String indicatorId, int position, String level, String indicatorTitle, String question,
		List<String> themes, String searchTerms, Optional<Integer> step, String stepDescription, String nextStep,
		String evidence, int revision, String answeredByName, Instant answeredAt) {

	public static final int NOT_KNOWN = 0;
	public static final int MAX_EVIDENCE = 2000;

	public Answer {
		themes = List.copyOf(themes);
	}

	/** Answered: a step, or "not known". */
	public boolean complete() {
		return step.isPresent();
	}

	public boolean known() {
		return step.filter(s -> s > 0).isPresent();
	}
}
