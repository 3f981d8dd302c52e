package uk.interop.kb.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void commasQuotesAndNewlinesStayInsideTheirCell() {
		assertThat(Csv.row(List.of("a,b", "say \"hi\"", "line\nbreak"))).isEqualTo(
				"\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\"\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx" })
	void cellsASpreadsheetWouldRunAreNeutralised(String value) {
		assertThat(Csv.cell(value)).startsWith("\"'");
	}

	@Test
	void ordinaryTextIsUntouched() {
		assertThat(Csv.cell("Records management – 2026")).isEqualTo("\"Records management – 2026\"");
	}
}
