package uk.interop.kb.account;

import java.util.Arrays;
import java.util.Optional;

/**
 * Each role can do everything the roles before it can: the order of the constants is the one statement of
 * that order; {@link #includes}, {@link #hierarchy()} and {@link #ofAuthority} all derive from it.
 */
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

	/** Whether this role may do what {@code other} may. */
	public boolean includes(Role other) {
		return ordinal() >= other.ordinal();
	}

	/** The role a Spring Security authority ({@code ROLE_EDITOR}) stands for, if it is one of ours. */
	public static Optional<Role> ofAuthority(String authority) {
		return Arrays.stream(values()).filter(r -> r.authority().equals(authority)).findFirst();
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
