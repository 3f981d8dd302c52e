package uk.interop.kb.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scores of one assessment. An indicator scores its step (1 to 5); "not known" scores nothing. A level
 * scores the mean of its known indicators, rounded to one decimal place, and sits in the band of the whole
 * step at or below that mean (2.7 is "Repeatable"): a level is only as far on as its answers show. There is
 * deliberately no overall score: the handbook's point is that the weakest level limits the rest, so the
 * profile names that level instead.
 */
public record Profile(Assessment assessment, List<LevelScore> levels) {

	public Profile {
		levels = List.copyOf(levels);
	}

	/**
	 * @param answers the answers in question order
	 * @param levelOrder level ids in the order to list them; levels found in answers but not here come last
	 * @param labels level id to label
	 */
	public static Profile of(Assessment assessment, List<Answer> answers, List<String> levelOrder,
			Map<String, String> labels) {
		Map<String, List<Answer>> byLevel = new LinkedHashMap<>();
		levelOrder.forEach(level -> byLevel.put(level, new ArrayList<>()));
		answers.stream().sorted(Comparator.comparingInt(Answer::position))
			.forEach(a -> byLevel.computeIfAbsent(a.level(), l -> new ArrayList<>()).add(a));
		List<LevelScore> levels = new ArrayList<>();
		byLevel.forEach((level, list) -> {
			if (!list.isEmpty()) {
				levels.add(LevelScore.of(level, labels.getOrDefault(level, level), list, assessment));
			}
		});
		return new Profile(assessment, levels);
	}

	public Optional<LevelScore> level(String level) {
		return levels.stream().filter(l -> l.level().equals(level)).findFirst();
	}

	/** The lowest-scoring level (the first, in level order, on a tie); empty when nothing is scored. */
	public Optional<LevelScore> weakest() {
		return levels.stream().filter(l -> l.score().isPresent())
			.min(Comparator.comparingDouble(l -> l.score().orElseThrow()));
	}

	public List<IndicatorScore> indicators() {
		return levels.stream().flatMap(l -> l.indicators().stream()).toList();
	}

	/** One level: its mean over known answers and its band on the scale. */
	public record LevelScore(String level, String label, Optional<Double> score, int known, int notKnown,
			List<IndicatorScore> indicators, Assessment assessment) {

		public LevelScore {
			indicators = List.copyOf(indicators);
		}

		static LevelScore of(String level, String label, List<Answer> answers, Assessment assessment) {
			List<IndicatorScore> indicators = answers.stream().map(a -> new IndicatorScore(a, assessment)).toList();
			int known = (int) answers.stream().filter(Answer::known).count();
			int notKnown = (int) answers.stream().filter(a -> a.step().filter(s -> s == Answer.NOT_KNOWN).isPresent())
				.count();
			return new LevelScore(level, label, mean(answers), known, notKnown, indicators, assessment);
		}

		/** The whole step at or below the score: 1 to 5. */
		public Optional<Integer> band() {
			return score.map(Profile::band);
		}

		public String bandLabel() {
			return band().map(assessment::stepLabel).orElse("Not scored");
		}

		/** The score as people read it: "2.5", or "Not scored". */
		public String formatted() {
			return score.map(Profile::format).orElse("Not scored");
		}
	}

	/** One indicator's answer as scored. */
	public record IndicatorScore(Answer answer, Assessment assessment) {

		public String id() {
			return answer.indicatorId();
		}

		public Optional<Integer> step() {
			return answer.step();
		}

		public String stepLabel() {
			return answer.step().map(assessment::stepLabel).orElse("Not answered");
		}

		/** Below the top step, or not known: there is a next step to read about. */
		public boolean hasNextStep() {
			return answer.step().map(s -> s < FrameworkLoader.STEPS).orElse(true);
		}
	}

	/** The mean of the known steps, to one decimal place (half up); empty when none is known. */
	static Optional<Double> mean(List<Answer> answers) {
		return meanOfSteps(answers.stream().map(Answer::step).toList());
	}

	/** As {@link #mean}, over steps alone: 1 to 5 count, 0 (not known) and empty do not. */
	static Optional<Double> meanOfSteps(List<Optional<Integer>> steps) {
		List<Integer> known = steps.stream().flatMap(Optional::stream).filter(s -> s > 0).toList();
		if (known.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal sum = BigDecimal.valueOf(known.stream().mapToInt(Integer::intValue).sum());
		return Optional.of(sum.divide(BigDecimal.valueOf(known.size()), 1, RoundingMode.HALF_UP).doubleValue());
	}

	static int band(double score) {
		return Math.max(1, Math.min(FrameworkLoader.STEPS, (int) Math.floor(score + 1e-9)));
	}

	static String format(double score) {
		return BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP).toPlainString();
	}
}
