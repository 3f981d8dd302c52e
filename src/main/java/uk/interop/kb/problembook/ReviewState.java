package uk.interop.kb.problembook;

import java.util.Arrays;

/** Where the forum stands on one entry-to-level mapping. Disputed mappings are not counted in the matrix. */
public enum ReviewState {
	PROPOSED("proposed", "Proposed", "govuk-tag--blue"),
	AGREED("agreed", "Agreed", "govuk-tag--green"),
	DISPUTED("disputed", "Disputed", "govuk-tag--red");

	private final String id;
	private final String label;
	private final String tagClass;

	ReviewState(String id, String label, String tagClass) {
		this.id = id;
		this.label = label;
		this.tagClass = tagClass;
	}

	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	/** The GOV.UK tag colour; the label always says the same in words. */
	public String tagClass() {
		return tagClass;
	}

	/** Counted as mapped: in the matrix, the exports' level column and the search index of app entries. */
	public boolean counted() {
		return this != DISPUTED;
	}

	static ReviewState fromId(String id) {
		return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElse(DISPUTED);
	}
}
