package uk.interop.kb.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of message the service sends. Account messages are never optional: they carry a link the
 * person asked for or tell them of a change to their account they must know about. The others can be
 * turned off on "Email preferences" or with the one-click link in each message.
 */
public enum EmailKind {
	INVITATION(false, "Invitations", ""),
	PASSWORD_RESET(false, "Password reset links", ""),
	PASSWORD_CHANGED(false, "Your password was changed", ""),
	ACCOUNT_DISABLED(false, "Your account was disabled", ""),
	ROLE_CHANGED(false, "Your role changed", ""),
	SUBMISSION_RECEIVED(true, "Your contributions", "When a lesson or case study you submitted is received"),
	SUBMISSION_OUTCOME(true, "Decisions on your contributions",
			"When an editor asks for changes to, publishes, rejects or withdraws something you contributed"),
	REVIEW_WAITING(true, "Contributions waiting for review", "Editors: new submissions waiting in the review queue"),
	MAPPING_DISPUTED(true, "Disputed problem-book mappings", "Editors: when another editor disputes a mapping"),
	SAVED_SEARCH_ALERT(true, "Saved search alerts", "Set for each saved search on \"Your saved searches\"");

	private final boolean optional;
	private final String label;
	private final String description;

	EmailKind(boolean optional, String label, String description) {
		this.optional = optional;
		this.label = label;
		this.description = description;
	}

	public boolean optional() {
		return optional;
	}

	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	/** The kinds a person turns on or off on the preferences page (alerts are set per saved search). */
	static List<EmailKind> preferences() {
		return Arrays.stream(values()).filter(k -> k.optional && k != SAVED_SEARCH_ALERT).toList();
	}

	static Optional<EmailKind> parse(String name) {
		return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
	}
}
