package uk.interop.kb.web;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for embedding in an HTML page (a {@code <script type="application/ld+json">} block):
 * {@code <}, {@code >} and {@code &} are written as {@code \u003c}, {@code \u003e} and
 * {@code \u0026}, which JSON reads back unchanged. So no value, whatever it holds
 * ({@code </script>}, {@code <!--<script>}), can end the block early or put the HTML parser into the
 * script-escape states that swallow the rest of the page.
 */
public final class HtmlSafeJson {

	private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
		.characterEscapes(new HtmlEscapes())
		.build()).disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build();

	private HtmlSafeJson() {
	}

	public static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	private static final class HtmlEscapes extends CharacterEscapes {

		private final int[] escapes;

		HtmlEscapes() {
			int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
			codes['<'] = CharacterEscapes.ESCAPE_STANDARD;
			codes['>'] = CharacterEscapes.ESCAPE_STANDARD;
			codes['&'] = CharacterEscapes.ESCAPE_STANDARD;
			this.escapes = codes;
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return escapes;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			return null;
		}
	}
}
