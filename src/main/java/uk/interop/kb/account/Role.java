package uk.interop.kb.account;

import java.util.Arrays;
import java.util.Optional;

/** Each role can do everything the roles before it can. */
public enum Role {
	MEMBER("Member", "Reads members-only content"),
	CONTRIBUTOR("Contributor", "Also submits lessons and case studies"),
	EDITOR("Editor", "Also moderates, maps problem-book entries and sees content health"),
	ADMIN("Administrator", "Also manages users");

	private final String label;
	private final String description;

	Role(String label, String description) {
		this.label = label;
		this.description = description;
	}

	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public static Optional<Role> parse(String name) {
		return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
	}

	/** For Spring Security's role hierarchy: each role implies the one below it. */
	public static String hierarchy() {
		StringBuilder text = new StringBuilder();
		for (int i = values().length - 1; i > 0; i--) {
			text.append(values()[i].authority()).append(" > ").append(values()[i - 1].authority()).append('\n');
		}
		return text.toString();
	}
}
