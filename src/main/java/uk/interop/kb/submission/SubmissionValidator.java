package uk.interop.kb.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * Checks a form against the taxonomy and the limits. Drafts may be incomplete; a submission
 * for review must be complete. Messages follow the GOV.UK style: say what to do.
 */
final class SubmissionValidator {

	static final Set<String> TYPES = Set.of("lesson", "case-study");

	private final Taxonomy taxonomy;

	SubmissionValidator(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	/** Field → message, in form order. {@code complete} adds the rules for submitting for review. */
	Map<String, String> check(SubmissionForm form, boolean complete) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.title().isEmpty()) {
			errors.put("title", "Enter a title");
		}
		else if (form.title().length() > SubmissionForm.MAX_TITLE) {
			errors.put("title", "Title must be " + SubmissionForm.MAX_TITLE + " characters or fewer");
		}
		if (form.summary().length() > SubmissionForm.MAX_SUMMARY) {
			errors.put("summary", "Summary must be " + SubmissionForm.MAX_SUMMARY + " characters or fewer");
		}
		else if (complete && form.summary().isEmpty()) {
			errors.put("summary", "Enter a summary of one or two sentences");
		}
		if (!TYPES.contains(form.type())) {
			errors.put("type", "Select whether this is a lesson or a case study");
		}
		controlled(errors, "levels", form.levels(), Taxonomy.LEVELS, complete, "Select at least one interoperability level");
		controlled(errors, "themes", form.themes(), Taxonomy.THEMES, complete, "Select at least one theme");
		controlled(errors, "organisations", form.organisations(), Taxonomy.ORGANISATIONS, false, "");
		controlled(errors, "sectors", form.sectors(), Taxonomy.SECTORS, false, "");
		controlled(errors, "barriers", form.barriers(), Taxonomy.BARRIERS, false, "");
		if (!form.outcome().isEmpty() && !taxonomy.vocabulary(Taxonomy.OUTCOMES).contains(form.outcome())) {
			errors.put("outcome", "Select an outcome from the list");
		}
		else if (complete && form.outcome().isEmpty()) {
			errors.put("outcome", "Select an outcome");
		}
		if (!Set.of("public", "members").contains(form.visibility())) {
			errors.put("visibility", "Select who can read this");
		}
		if (form.source().length() > SubmissionForm.MAX_SOURCE) {
			errors.put("source", "Source must be " + SubmissionForm.MAX_SOURCE + " characters or fewer");
		}
		if (form.body().length() > SubmissionForm.MAX_BODY) {
			errors.put("body", "The lesson must be " + String.format("%,d", SubmissionForm.MAX_BODY)
					+ " characters or fewer");
		}
		else if (complete && form.body().replace(SubmissionForm.TEMPLATE_BODY, "").strip().length() < 50) {
			errors.put("body", "Write the lesson: what happened, what you learned, your recommendation and the evidence");
		}
		return errors;
	}

	private void controlled(Map<String, String> errors, String field, List<String> values, String vocabularyId,
			boolean required, String requiredMessage) {
		Vocabulary vocabulary = taxonomy.vocabulary(vocabularyId);
		if (values.stream().anyMatch(v -> !vocabulary.contains(v))) {
			errors.put(field, "Select values from the list");
		}
		else if (required && values.isEmpty()) {
			errors.put(field, requiredMessage);
		}
	}
}
