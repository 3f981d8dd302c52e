package uk.interop.kb.problembook;

import java.util.Arrays;
import java.util.Optional;

/** How sure the editor is of a mapping. {@link #NOT_STATED} only marks the initial mapping from a content file. */
public enum Confidence {
	HIGH("high", "High"), MEDIUM("medium", "Medium"), LOW("low", "Low"), NOT_STATED("not-stated", "Not stated");

	private final String id;
	private final String label;

	Confidence(String id, String label) {
		this.id = id;
		this.label = label;
	}

	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	/** What an editor may choose: high, medium or low. */
	public static Optional<Confidence> chosen(String id) {
		return Arrays.stream(values()).filter(c -> c != NOT_STATED && c.id.equals(id)).findFirst();
	}

	static Confidence fromId(String id) {
		return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst().orElse(NOT_STATED);
	}
}
