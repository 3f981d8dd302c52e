package uk.interop.kb.submission;

import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/** A line diff between two revisions' Markdown, as a reviewer reads it. */
record RevisionDiff(List<Line> lines) {

	enum Kind {
		ADDED, REMOVED, CONTEXT, HUNK
	}

	record Line(Kind kind, String text) {
		public String cssClass() {
			return "kb-diff__" + kind.name().toLowerCase(java.util.Locale.ROOT);
		}

		public String marker() {
			return switch (kind) {
				case ADDED -> "+";
				case REMOVED -> "−";
				case CONTEXT -> " ";
				case HUNK -> "";
			};
		}
	}

	static RevisionDiff between(String before, String after) {
		List<String> original = before.lines().toList();
		List<String> revised = after.lines().toList();
		Patch<String> patch = DiffUtils.diff(original, revised);
		List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("before", "after", original, patch, 2);
		List<Line> lines = unified.stream().skip(2).map(line -> {
			if (line.startsWith("@@")) {
				return new Line(Kind.HUNK, line);
			}
			char first = line.isEmpty() ? ' ' : line.charAt(0);
			String text = line.isEmpty() ? "" : line.substring(1);
			return switch (first) {
				case '+' -> new Line(Kind.ADDED, text);
				case '-' -> new Line(Kind.REMOVED, text);
				default -> new Line(Kind.CONTEXT, text);
			};
		}).toList();
		return new RevisionDiff(lines);
	}

	boolean empty() {
		return lines.isEmpty();
	}
}
