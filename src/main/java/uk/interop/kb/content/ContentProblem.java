package uk.interop.kb.content;

/**
 * Something wrong with a content file, as {@code path:line: field: message}.
 * {@link Severity#SKIPPED} means the file is not indexed at all; {@link Severity#ERROR} means
 * a value was dropped; {@link Severity#WARNING} means a fallback was used.
 */
public record ContentProblem(String path, int line, String field, String message, Severity severity) {

	public enum Severity {
		SKIPPED, ERROR, WARNING;

		public boolean failsValidation() {
			return this != WARNING;
		}
	}

	public String format() {
		String suffix = switch (severity) {
			case SKIPPED -> " (file not indexed)";
			case ERROR -> "";
			case WARNING -> " (warning)";
		};
		return path + ":" + line + ": " + field + ": " + message + suffix;
	}
}
