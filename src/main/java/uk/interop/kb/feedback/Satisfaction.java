package uk.interop.kb.feedback;

import java.util.Arrays;
import java.util.Optional;

/** The feedback page's question, "Overall, how did you feel about Interop KB?", as GOV.UK asks it. */
public enum Satisfaction {
	VERY_SATISFIED("very-satisfied", "Very satisfied"), SATISFIED("satisfied", "Satisfied"),
	NEITHER("neither", "Neither satisfied nor dissatisfied"), DISSATISFIED("dissatisfied", "Dissatisfied"),
	VERY_DISSATISFIED("very-dissatisfied", "Very dissatisfied");

	private final String id;
	private final String label;

	Satisfaction(String id, String label) {
		this.id = id;
		this.label = label;
	}

	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	static Optional<Satisfaction> fromId(String id) {
		return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
	}
}
