package uk.interop.kb.problembook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an editor did to a mapping, and the review state it leaves. {@link #CHANGE} revises the
 * confidence or rationale of an existing mapping and puts it back to proposed. {@link #FROM_CONTENT_FILE}
 * marks the initial mapping read from an entry's front matter; nobody can choose it.
 */
public enum MappingAction {
	PROPOSE("propose", "Propose", "Proposed", ReviewState.PROPOSED),
	AGREE("agree", "Agree", "Agreed", ReviewState.AGREED),
	DISPUTE("dispute", "Dispute", "Disputed", ReviewState.DISPUTED),
	CHANGE("change", "Change", "Changed", ReviewState.PROPOSED),
	FROM_CONTENT_FILE("content-file", "", "Proposed in the content file", ReviewState.PROPOSED);

	/** The actions an editor can take, in the order forms list them. */
	public static final List<MappingAction> EDITOR_ACTIONS = List.of(PROPOSE, AGREE, DISPUTE, CHANGE);

	private final String id;
	private final String verb;
	private final String pastTense;
	private final ReviewState result;

	MappingAction(String id, String verb, String pastTense, ReviewState result) {
		this.id = id;
		this.verb = verb;
		this.pastTense = pastTense;
		this.result = result;
	}

	public String id() {
		return id;
	}

	public String verb() {
		return verb;
	}

	public String pastTense() {
		return pastTense;
	}

	public ReviewState result() {
		return result;
	}

	public static Optional<MappingAction> chosen(String id) {
		return EDITOR_ACTIONS.stream().filter(a -> a.id.equals(id)).findFirst();
	}

	static MappingAction fromId(String id) {
		return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst().orElse(CHANGE);
	}
}
