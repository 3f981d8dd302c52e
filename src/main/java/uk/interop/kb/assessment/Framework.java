package uk.interop.kb.assessment;

import java.util.List;
import java.util.Optional;

/**
 * An assessment framework from {@code content/assessments/<id>.yml}: a scope, a five-step scale, and per
 * interoperability level a handful of indicators. {@code proposal} frameworks are Interop KB's own drafts for
 * the forum to edit, and pages say so with {@code notice}.
 */
public record Framework(String id, String version, String title, String scope, boolean proposal, String summary,
		String notice, String source, Scale scale, List<Level> levels) {

	public Framework {
		levels = List.copyOf(levels);
	}

	/** Every indicator, level by level, in the order the questions are asked. */
	public List<Indicator> indicators() {
		return levels.stream().flatMap(l -> l.indicators().stream()).toList();
	}

	public Optional<Indicator> indicator(String indicatorId) {
		return indicators().stream().filter(i -> i.id().equals(indicatorId)).findFirst();
	}

	/** Scores are compared (history, benchmark) only within one major version: {@code 2} in {@code 2.1}. */
	public int majorVersion() {
		return major(version);
	}

	static int major(String version) {
		int dot = version.indexOf('.');
		try {
			return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** The five steps every indicator is scored on, and the recognised scale they come from. */
	public record Scale(String name, String source, List<Step> steps) {
		public Scale {
			steps = List.copyOf(steps);
		}

		public Step step(int number) {
			return steps.get(number - 1);
		}

		/** Labels in order, as a submitted assessment keeps them. */
		public List<String> labels() {
			return steps.stream().map(Step::label).toList();
		}
	}

	/** One step of the scale: {@code number} 1 to 5. */
	public record Step(int number, String id, String label, String meaning) {
	}

	/** One interoperability level (a concept id from {@code levels.yml}) and its indicators. */
	public record Level(String level, List<Indicator> indicators) {
		public Level {
			indicators = List.copyOf(indicators);
		}
	}

	/**
	 * One question. {@code steps} describe what each of the five steps looks like for this indicator;
	 * {@code themes} and {@code barriers} are taxonomy ids; {@code search} is the query (search syntax) that
	 * finds what to read; {@code handbook} lists handbook sections as {@code handbook/semantic#anchor}.
	 */
	public record Indicator(String id, String level, String title, String question, String guidance,
			List<String> themes, List<String> barriers, String search, List<String> handbook, List<String> steps) {
		public Indicator {
			themes = List.copyOf(themes);
			barriers = List.copyOf(barriers);
			handbook = List.copyOf(handbook);
			steps = List.copyOf(steps);
		}

		/** What step {@code number} (1 to 5) looks like here. */
		public String step(int number) {
			return steps.get(number - 1);
		}
	}
}
