package uk.interop.kb.submission;

import java.util.Map;

/** The fields of a complete new-submission form, for tests outside this package. */
public final class SubmissionWebTestsFields {

	private SubmissionWebTestsFields() {
	}

	public static Map<String, String> fields(String title, String body) {
		return SubmissionWebTests.fields(title, body);
	}
}
