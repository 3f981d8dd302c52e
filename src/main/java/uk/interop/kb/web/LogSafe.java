package uk.interop.kb.web;

/** Text from a request made safe for one log line: control characters shown as escapes, and cut short. */
public final class LogSafe {

	private static final int MAX = 200;

	private LogSafe() {
	}

	public static String text(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 8);
		for (int i = 0; i < value.length() && out.length() < MAX; i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
				out.append(String.format("\\x%02x", (int) c & 0xff));
			}
			else {
				out.append(c);
			}
		}
		return value.length() > MAX ? out.append('…').toString() : out.toString();
	}
}
