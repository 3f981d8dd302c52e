package uk.interop.kb.assessment;

import java.util.List;

/**
 * What the action form sends. {@code lessons} and {@code indicators} are the links kept (ticked boxes);
 * {@code addLesson} (a lesson's address or id) and {@code addIndicator} ({@code framework:indicator}) add one
 * more each, so the form works without JavaScript. Never bound to a row directly.
 */
public record ActionForm(String title, String details, String owner, String dueDay, String dueMonth,
		String dueYear, String status, String evidence, List<String> lessons, List<String> indicators,
		String addLesson, String addIndicator, Long assessment) {

	public ActionForm {
		title = clean(title);
		details = text(details);
		owner = clean(owner);
		dueDay = clean(dueDay);
		dueMonth = clean(dueMonth);
		dueYear = clean(dueYear);
		status = clean(status);
		evidence = text(evidence);
		lessons = list(lessons);
		indicators = list(indicators);
		addLesson = clean(addLesson);
		addIndicator = clean(addIndicator);
	}

	/** A new action's form, with what it answers already linked. */
	public static ActionForm starting(List<String> lessons, List<String> indicators, Long assessment) {
		return new ActionForm("", "", "", "", "", "", ActionStatus.IDENTIFIED.id(), "", lessons, indicators, "", "",
				assessment);
	}

	/** An existing action, as its edit form shows it. */
	public static ActionForm of(ImprovementAction action) {
		return new ActionForm(action.title(), action.details(), action.owner(),
				action.due().map(d -> Integer.toString(d.getDayOfMonth())).orElse(""),
				action.due().map(d -> Integer.toString(d.getMonthValue())).orElse(""),
				action.due().map(d -> Integer.toString(d.getYear())).orElse(""), action.status().id(), action.evidence(),
				action.lessons(), action.indicators().stream().map(ImprovementAction.IndicatorRef::key).toList(), "", "",
				action.assessmentId().orElse(null));
	}

	private static String clean(String value) {
		return value == null ? "" : value.strip();
	}

	private static String text(String value) {
		return value == null ? "" : value.strip().replace("\r\n", "\n");
	}

	private static List<String> list(List<String> values) {
		return values == null ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().limit(50)
					.toList();
	}
}
