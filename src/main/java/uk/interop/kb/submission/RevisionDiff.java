package uk.interop.kb.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * A line diff between two revisions' Markdown, as a reviewer reads it: each run of changes with two
 * lines of context either side, headed by where it starts in the new revision ("From line 37").
 */
record RevisionDiff(List<Line> lines) {

	private static final int CONTEXT = 2;

	enum Kind {
		ADDED, REMOVED, CONTEXT, HUNK
	}

	record Line(Kind kind, String text) {
		public String cssClass() {
			return "kb-diff__" + kind.name().toLowerCase(Locale.ROOT);
		}

		public String marker() {
			return switch (kind) {
				case ADDED -> "+";
				case REMOVED -> "−";
				case CONTEXT, HUNK -> "";
			};
		}
	}

	static RevisionDiff between(String before, String after) {
		List<String> original = before.lines().toList();
		List<String> revised = after.lines().toList();
		List<AbstractDelta<String>> deltas = DiffUtils.diff(original, revised).getDeltas();
		List<Line> lines = new ArrayList<>();
		int first = 0;
		while (first < deltas.size()) {
			// One run: deltas whose context would touch or overlap are shown together.
			int last = first;
			while (last + 1 < deltas.size()
					&& deltas.get(last + 1).getSource().getPosition() - end(deltas.get(last)) <= 2 * CONTEXT) {
				last++;
			}
			AbstractDelta<String> opening = deltas.get(first);
			int from = Math.max(0, opening.getSource().getPosition() - CONTEXT);
			int revisedFrom = opening.getTarget().getPosition() - (opening.getSource().getPosition() - from);
			lines.add(new Line(Kind.HUNK, "From line " + (revisedFrom + 1)));
			int at = from;
			for (AbstractDelta<String> delta : deltas.subList(first, last + 1)) {
				for (; at < delta.getSource().getPosition(); at++) {
					lines.add(new Line(Kind.CONTEXT, original.get(at)));
				}
				delta.getSource().getLines().forEach(text -> lines.add(new Line(Kind.REMOVED, text)));
				delta.getTarget().getLines().forEach(text -> lines.add(new Line(Kind.ADDED, text)));
				at = end(delta);
			}
			for (int stop = Math.min(original.size(), at + CONTEXT); at < stop; at++) {
				lines.add(new Line(Kind.CONTEXT, original.get(at)));
			}
			first = last + 1;
		}
		return new RevisionDiff(lines);
	}

	private static int end(AbstractDelta<String> delta) {
		return delta.getSource().getPosition() + delta.getSource().size();
	}

	boolean empty() {
		return lines.isEmpty();
	}
}
