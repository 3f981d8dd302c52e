package uk.interop.kb.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSafeJsonTests {

	@Test
	void angleBracketsAndAmpersandsAreEscapedAndReadBackUnchanged() {
		String hostile = "<!--<script> </script> <script & \"quoted\" é";

		String json = HtmlSafeJson.write(Map.of("title", hostile));

		assertThat(json).doesNotContain("<", ">", "&").contains("\\u003c!--\\u003cscript\\u003e", "\\u0026", "é");
		assertThat(JsonMapper.builder().build().readTree(json).get("title").asString()).isEqualTo(hostile);
	}
}
