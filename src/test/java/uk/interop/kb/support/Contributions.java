package uk.interop.kb.support;

import java.util.List;
import java.util.UUID;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.submission.Submission;
import uk.interop.kb.submission.SubmissionForm;
import uk.interop.kb.submission.SubmissionService;

/** Lessons through the real contribution workflow, for tests that need a document to appear at run time. */
public final class Contributions {

	public static final SubmissionService.RedactionChecklist CHECKED = new SubmissionService.RedactionChecklist(true,
			true, true);

	private Contributions() {
	}

	/**
	 * A complete lesson whose text mentions {@code word}, readable by {@code visibility} ("public" or
	 * "members"). Structural, not semantic: feed tests compare the newest semantic documents with the shipped content.
	 */
	public static SubmissionForm form(String title, String word, String visibility) {
		return new SubmissionForm(title, "A summary about " + word + " for the test.", "lesson", List.of("structural"),
				List.of("data-quality"), List.of("anonymised-police-force"), List.of("police"), "worked",
				List.of("culture"), visibility, "",
				"## What happened\n\nThe " + word + " interface was agreed early.\n\n## What we learned\n\nAgree codes "
						+ "first.\n\n## Recommendation\n\nDo it.\n\n## Evidence\n\nNotes.\n");
	}

	public static Submission submitted(SubmissionService submissions, KbUser contributor, String title, String word,
			String visibility) {
		Submission draft = submissions.create(contributor, form(title, word, visibility), UUID.randomUUID().toString(),
				"test").submission().orElseThrow();
		return submissions.submit(contributor, draft.id(), draft.version(), "test").submission().orElseThrow();
	}

	/** Submitted by the contributor and published by the editor; searchable when this returns. */
	public static Submission published(SubmissionService submissions, KbUser contributor, KbUser editor, String title,
			String word, String visibility) {
		Submission submitted = submitted(submissions, contributor, title, word, visibility);
		return submissions.publish(editor, submitted.id(), submitted.version(), CHECKED, "test").submission()
			.orElseThrow();
	}
}
