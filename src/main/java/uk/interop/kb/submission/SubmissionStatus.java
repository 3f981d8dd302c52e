package uk.interop.kb.submission;

/**
 * Where a submission is in its life: draft → submitted ⇄ changes requested → published (or rejected) → withdrawn.
 * A suggested change to a content file ends accepted instead of published.
 */
public enum SubmissionStatus {
	DRAFT("Draft", "govuk-tag--grey"),
	SUBMITTED("Submitted for review", "govuk-tag--blue"),
	CHANGES_REQUESTED("Changes requested", "govuk-tag--orange"),
	PUBLISHED("Published", "govuk-tag--green"),
	REJECTED("Rejected", "govuk-tag--red"),
	WITHDRAWN("Withdrawn", "govuk-tag--grey"),
	/** A suggested change to a content file, approved: it takes effect when the exported file is committed. */
	ACCEPTED("Accepted for the content files", "govuk-tag--turquoise");

	private final String label;
	private final String tagClass;

	SubmissionStatus(String label, String tagClass) {
		this.label = label;
		this.tagClass = tagClass;
	}

	public String label() {
		return label;
	}

	public String tagClass() {
		return "govuk-tag " + tagClass;
	}

	/** The contributor may still change what they wrote. */
	public boolean editableByOwner() {
		return this == DRAFT || this == CHANGES_REQUESTED;
	}
}
