package uk.interop.kb.content;

import java.util.Arrays;
import java.util.Optional;

/** Who may read a document. */
public enum Visibility {
	PUBLIC("public"), MEMBERS("members");

	private final String id;

	Visibility(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static Optional<Visibility> fromId(String id) {
		return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
	}
}
