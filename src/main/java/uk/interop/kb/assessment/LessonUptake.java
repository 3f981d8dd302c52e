package uk.interop.kb.assessment;

import org.springframework.stereotype.Service;

/**
 * For a lesson's page, shown to members only: how many organisations have recorded an improvement action on
 * it, and how many of them report it learned. Counts, never which organisations: the evidence editors and
 * readers need that a lesson is being used.
 */
@Service
public class LessonUptake {

	private final ActionRepository actions;

	LessonUptake(ActionRepository actions) {
		this.actions = actions;
	}

	public record Counts(long acted, long learned) {
		public boolean any() {
			return acted > 0;
		}
	}

	public Counts of(String documentId) {
		long[] counts = actions.uptake(documentId);
		return new Counts(counts[0], counts[1]);
	}
}
