package uk.interop.kb.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV that spreadsheets open safely: every cell quoted, quotes doubled, and a cell that a
 * spreadsheet would treat as a formula ({@code = + - @}, tab, carriage return) prefixed with
 * a single quote so it is shown, never run.
 */
public final class Csv {

	private Csv() {
	}

	public static String row(List<String> cells) {
		return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	public static String cell(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}
}
