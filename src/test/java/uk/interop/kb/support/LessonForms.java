package uk.interop.kb.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a complete "Submit a lesson" form, as the page posts them; callers add or replace fields. */
public final class LessonForms {

	private LessonForms() {
	}

	public static Map<String, String> fields(String title, String summary, String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", title);
		fields.put("summary", summary);
		fields.put("type", "lesson");
		fields.put("levels", "semantic");
		fields.put("themes", "data-quality");
		fields.put("outcome", "worked");
		fields.put("visibility", "public");
		fields.put("body", body);
		return fields;
	}

	/** A lesson whose every section mentions nothing but {@code word}, so a search for it finds this one. */
	public static Map<String, String> about(String title, String word) {
		return fields(title, "About " + word + ".", "## What happened\n\n" + word
				+ "\n\n## What we learned\n\nx\n\n## Recommendation\n\nx\n\n## Evidence\n\nx\n");
	}
}
