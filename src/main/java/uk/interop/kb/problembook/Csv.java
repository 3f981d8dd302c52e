package uk.interop.kb.problembook;

import java.util.List;

/**
 * RFC 4180 CSV that a spreadsheet cannot execute. A cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return could be read as a formula, so it gets a
 * leading single quote (OWASP's advice on CSV injection); a cell holding a comma, a quote or a
 * line break is quoted, with quotes doubled. Rows end in CRLF.
 */
final class Csv {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private Csv() {
	}

	static String cell(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	static String row(List<String> cells) {
		return String.join(",", cells.stream().map(Csv::cell).toList()) + "\r\n";
	}
}
