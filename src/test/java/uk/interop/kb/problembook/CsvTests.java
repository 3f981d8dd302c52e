package uk.interop.kb.problembook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvTests {

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "+44 20", "-2", "@SUM(A1)", "\tindented", "\rreturn", "=HYPERLINK(\"http://x\")" })
	void aCellThatCouldStartAFormulaGetsALeadingQuote(String value) {
		List<String> parsed = parse(Csv.row(List.of(value, "next")));

		assertThat(parsed.get(0)).isEqualTo("'" + value);
		assertThat(parsed.get(0)).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
		assertThat(parsed.get(1)).isEqualTo("next");
	}

	static Stream<Arguments> needQuoting() {
		return Stream.of(Arguments.of("a, b", "\"a, b\""), Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
				Arguments.of("two\nlines", "\"two\nlines\""), Arguments.of("cr\rhere", "\"cr\rhere\""),
				Arguments.of("plain", "plain"));
	}

	@ParameterizedTest
	@MethodSource("needQuoting")
	void commasQuotesAndLineBreaksAreQuoted(String value, String expected) {
		assertThat(Csv.cell(value)).isEqualTo(expected);
	}

	@Test
	void aRowReadsBackAsTheCellsThatWentIn() {
		List<String> cells = List.of("PB-001", "Title, with comma", "He said \"no\"", "line one\r\nline two", "",
				"=cmd|' /C calc'!A0", "a-b", "100%");

		List<String> parsed = parse(Csv.row(cells));

		assertThat(parsed).containsExactly("PB-001", "Title, with comma", "He said \"no\"", "line one\r\nline two", "",
				"'=cmd|' /C calc'!A0", "a-b", "100%");
		assertThat(Csv.row(cells)).endsWith("\r\n");
		assertThat(Csv.cell(null)).isEmpty();
	}

	/** A plain RFC 4180 reader for one row, so the test does not trust the writer's idea of the format. */
	static List<String> parse(String row) {
		String line = row.endsWith("\r\n") ? row.substring(0, row.length() - 2) : row;
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}
}
