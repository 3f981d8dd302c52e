package uk.interop.kb.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields a browser would send from a form on a page, as it is filled in: text and hidden inputs with their
 * values, ticked checkboxes and radios, and textareas. For tests that change one field and post the rest as the
 * page had them, the way a person does.
 */
public final class HtmlForms {

	private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
	private static final Pattern TEXTAREA = Pattern.compile("(?s)<textarea\\b([^>]*)>(.*?)</textarea>");
	private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)(?:=\"([^\"]*)\")?");

	private HtmlForms() {
	}

	/** The fields of the form with this id, in page order (a name may repeat). */
	public static List<Map.Entry<String, String>> fields(String html, String formId) {
		int start = html.indexOf("id=\"" + formId + "\"");
		if (start < 0) {
			throw new IllegalArgumentException("No form with id " + formId);
		}
		String form = html.substring(start, html.indexOf("</form>", start));
		List<int[]> order = new ArrayList<>();
		List<Map.Entry<String, String>> found = new ArrayList<>();
		Matcher input = INPUT.matcher(form);
		while (input.find()) {
			Map<String, String> a = attributes(input.group(1));
			String type = a.getOrDefault("type", "text");
			if (!a.containsKey("name") || type.equals("submit") || type.equals("file")
					|| ((type.equals("checkbox") || type.equals("radio")) && !a.containsKey("checked"))) {
				continue;
			}
			order.add(new int[] { input.start(), found.size() });
			found.add(Map.entry(a.get("name"), unescape(a.getOrDefault("value", ""))));
		}
		Matcher textarea = TEXTAREA.matcher(form);
		List<Map.Entry<String, String>> all = new ArrayList<>(found);
		List<int[]> positions = new ArrayList<>(order);
		while (textarea.find()) {
			Map<String, String> a = attributes(textarea.group(1));
			if (a.containsKey("name")) {
				positions.add(new int[] { textarea.start(), all.size() });
				all.add(Map.entry(a.get("name"), unescape(textarea.group(2))));
			}
		}
		positions.sort((x, y) -> Integer.compare(x[0], y[0]));
		return positions.stream().map(p -> all.get(p[1])).toList();
	}

	/** The same fields with {@code name} set to {@code value} (replacing every value it had). */
	public static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name,
			String value) {
		List<Map.Entry<String, String>> changed = new ArrayList<>(fields.stream().filter(f -> !f.getKey().equals(name))
			.toList());
		changed.add(Map.entry(name, value));
		return changed;
	}

	private static Map<String, String> attributes(String text) {
		Map<String, String> attributes = new java.util.HashMap<>();
		Matcher matcher = ATTRIBUTE.matcher(text);
		while (matcher.find()) {
			attributes.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
		}
		return attributes;
	}

	private static String unescape(String text) {
		return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
			.replace("&amp;", "&");
	}
}
