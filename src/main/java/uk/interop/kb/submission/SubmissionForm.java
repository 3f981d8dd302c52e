package uk.interop.kb.submission;

import java.util.List;

/**
 * What a contributor types: the lesson's metadata and its Markdown body. Never bound to a
 * database row directly; the service turns it into a revision.
 */
public record SubmissionForm(String title, String summary, String type, List<String> levels, List<String> themes,
		List<String> organisations, List<String> sectors, String outcome, List<String> barriers, String visibility,
		String source, String body) {

	public static final int MAX_TITLE = 200;
	public static final int MAX_SUMMARY = 600;
	public static final int MAX_SOURCE = 1000;
	public static final int MAX_BODY = 100_000;

	/** The structured lesson sections a new submission starts with. */
	public static final String TEMPLATE_BODY = """
			## What happened

			## What we learned

			## Recommendation

			## Evidence
			""";

	public SubmissionForm {
		title = clean(title);
		summary = clean(summary);
		type = clean(type);
		outcome = clean(outcome);
		visibility = clean(visibility);
		source = clean(source);
		body = body == null ? "" : body.replace("\r\n", "\n");
		levels = list(levels);
		themes = list(themes);
		organisations = list(organisations);
		sectors = list(sectors);
		barriers = list(barriers);
	}

	public static SubmissionForm blank() {
		return new SubmissionForm("", "", "lesson", List.of(), List.of(), List.of(), List.of(), "", List.of(),
				"public", "", TEMPLATE_BODY);
	}

	private static String clean(String value) {
		return value == null ? "" : value.strip();
	}

	private static List<String> list(List<String> values) {
		return values == null ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().limit(50)
					.toList();
	}
}
