package uk.interop.kb.assessment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an improvement action has got to: from identified to lesson learned, as JESIP's Joint Organisational
 * Learning moves a lesson from identified to learned. The order of the constants is the lifecycle's order.
 */
public enum ActionStatus {
	IDENTIFIED("Identified", "Recorded, not yet agreed", "govuk-tag--grey"),
	AGREED("Agreed", "The organisation has agreed to do it", "govuk-tag--blue"),
	IN_PROGRESS("In progress", "Work has started", "govuk-tag--yellow"),
	IMPLEMENTED("Implemented", "Done, with evidence", "govuk-tag--green"),
	LESSON_LEARNED("Lesson learned", "Done, and the change has lasted: what was learned is embedded", "govuk-tag--purple");

	private final String label;
	private final String description;
	private final String tagClass;

	ActionStatus(String label, String description, String tagClass) {
		this.label = label;
		this.description = description;
		this.tagClass = tagClass;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	public String tagClass() {
		return tagClass;
	}

	/** Finished: no longer overdue, and it needs its evidence. */
	public boolean done() {
		return this == IMPLEMENTED || this == LESSON_LEARNED;
	}

	public static Optional<ActionStatus> fromId(String id) {
		return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
	}
}
