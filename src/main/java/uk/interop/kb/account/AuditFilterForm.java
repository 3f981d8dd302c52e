package uk.interop.kb.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;


import uk.interop.kb.audit.AuditLog;

/**
 * The audit log's filters as typed: who, what (an action code) and when (from and to, {@code YYYY-MM-DD}).
 * A date that cannot be read is reported and left out of the filter, so the page still answers.
 */
record AuditFilterForm(String who, String action, String from, String to) {

	AuditFilterForm {
		who = cut(who, 254);
		action = cut(action, 60);
		from = cut(from, 20);
		to = cut(to, 20);
	}

	AuditLog.Filter filter() {
		LocalDate start = date(from);
		LocalDate end = date(to);
		if (start != null && end != null && end.isBefore(start)) {
			end = null;
		}
		return new AuditLog.Filter(who, action, start, end);
	}

	Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!from.isEmpty() && date(from) == null) {
			errors.put("from", "Enter the ‘from’ date as a real date, like 2026-03-01");
		}
		if (!to.isEmpty() && date(to) == null) {
			errors.put("to", "Enter the ‘to’ date as a real date, like 2026-03-31");
		}
		else if (date(from) != null && date(to) != null && date(to).isBefore(date(from))) {
			errors.put("to", "The ‘to’ date must be the same as or after the ‘from’ date");
		}
		return errors;
	}

	/** The filters as a query string, for paging links and the CSV export ("who=x&amp;action=Y"), without a '?'. */
	String query() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("who", who);
		values.put("action", action);
		values.put("from", from);
		values.put("to", to);
		return values.entrySet().stream().filter(e -> !e.getValue().isEmpty())
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
	}

	private static LocalDate date(String text) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String cut(String text, int max) {
		String value = text == null ? "" : text.strip();
		return value.length() > max ? value.substring(0, max) : value;
	}
}
