package uk.interop.kb.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An organisation's submitted assessments of one framework over time, newest first, each with the change per
 * level since the one before. Old results are read from what they kept, so a framework that has moved on
 * since leaves them readable; {@code versionChanged} says when two neighbours answered different versions,
 * and a change across major versions is not worked out at all, since the questions are not comparable.
 */
public record History(String frameworkId, List<String> levels, Map<String, String> labels, List<Row> rows) {

	public History {
		levels = List.copyOf(levels);
		labels = Map.copyOf(labels);
		rows = List.copyOf(rows);
	}

	/** One assessment: its profile and, per level, the change since the previous one (if both are scored). */
	public record Row(Profile profile, Map<String, Optional<Double>> change, boolean versionChanged, boolean first) {
		public Row {
			change = Map.copyOf(change);
		}

		public Assessment assessment() {
			return profile.assessment();
		}

		public Optional<Double> change(String level) {
			return change.getOrDefault(level, Optional.empty());
		}

		/** "+0.5", "-1.0", "no change", or "" when there is nothing to compare. */
		public String changeText(String level) {
			return change(level).map(d -> Math.abs(d) < 1e-9 ? "no change" : (d > 0 ? "up " : "down ")
					+ Profile.format(Math.abs(d))).orElse("");
		}
	}

	/** @param oldestFirst the organisation's submitted profiles of the framework, in the order they were submitted */
	static History of(String frameworkId, List<Profile> oldestFirst, List<String> levelOrder,
			Map<String, String> labels) {
		List<Row> rows = new ArrayList<>();
		Profile previous = null;
		for (Profile profile : oldestFirst) {
			Map<String, Optional<Double>> change = new LinkedHashMap<>();
			boolean versionChanged = previous != null
					&& !previous.assessment().frameworkVersion().equals(profile.assessment().frameworkVersion());
			boolean comparable = previous != null
					&& previous.assessment().majorVersion() == profile.assessment().majorVersion();
			for (String level : levelOrder) {
				Optional<Double> now = profile.level(level).flatMap(Profile.LevelScore::score);
				Optional<Double> before = comparable ? previous.level(level).flatMap(Profile.LevelScore::score)
						: Optional.empty();
				change.put(level, now.isPresent() && before.isPresent()
						? Optional.of(Math.round((now.get() - before.get()) * 10) / 10.0) : Optional.empty());
			}
			rows.add(0, new Row(profile, change, versionChanged, previous == null));
			previous = profile;
		}
		return new History(frameworkId, levelOrder, labels, rows);
	}
}
