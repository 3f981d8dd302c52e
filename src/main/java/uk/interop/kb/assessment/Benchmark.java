package uk.interop.kb.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How organisations' latest submitted assessments of one framework (same major version) are spread over the
 * five steps, level by level, and where one organisation sits. Below the minimum number of organisations
 * there is nothing but the count: {@code enough} is false and {@code levels} is empty. It holds counts only,
 * never which organisation answered what.
 */
public record Benchmark(String frameworkId, int majorVersion, int organisations, int minimum,
		List<LevelDistribution> levels) {

	public Benchmark {
		levels = List.copyOf(levels);
	}

	public boolean enough() {
		return organisations >= minimum;
	}

	/**
	 * One level. {@code counts[i]} organisations sit in step {@code i + 1}; {@code notScored} answered "not
	 * known" throughout. {@code higher}, {@code same} and {@code lower} count the other organisations against
	 * the band of {@code own}, when it is scored.
	 */
	public record LevelDistribution(String level, String label, List<Integer> counts, int notScored,
			Optional<Double> median, Optional<Double> own, int higher, int same, int lower) {
		public LevelDistribution {
			counts = List.copyOf(counts);
		}

		public Optional<Integer> ownBand() {
			return own.map(Profile::band);
		}

		public int total() {
			return counts.stream().mapToInt(Integer::intValue).sum() + notScored;
		}
	}

	/**
	 * @param rows every answer of every submitted assessment of the framework
	 * @param ownOrganisation the organisation looking; its own latest assessment counts like any other
	 * @param ownScores the level scores to place (those of the profile being read)
	 */
	static Benchmark of(String frameworkId, int majorVersion, List<AssessmentRepository.SubmittedScore> rows,
			String ownOrganisation, Map<String, Optional<Double>> ownScores, int minimum, List<String> levelOrder,
			Map<String, String> labels) {
		Map<Long, List<AssessmentRepository.SubmittedScore>> byAssessment = new LinkedHashMap<>();
		rows.stream().filter(r -> Framework.major(r.version()) == majorVersion)
			.forEach(r -> byAssessment.computeIfAbsent(r.assessmentId(), id -> new ArrayList<>()).add(r));
		Map<String, List<AssessmentRepository.SubmittedScore>> latest = new HashMap<>();
		Comparator<List<AssessmentRepository.SubmittedScore>> newer = Comparator
			.comparing((List<AssessmentRepository.SubmittedScore> l) -> l.get(0).submittedAt())
			.thenComparingLong(l -> l.get(0).assessmentId());
		byAssessment.values().forEach(list -> latest.merge(list.get(0).organisation(), list,
				(a, b) -> newer.compare(a, b) >= 0 ? a : b));
		int organisations = latest.size();
		if (organisations < minimum) {
			return new Benchmark(frameworkId, majorVersion, organisations, minimum, List.of());
		}
		List<LevelDistribution> levels = new ArrayList<>();
		for (String level : levelOrder) {
			List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0, 0));
			List<Double> scores = new ArrayList<>();
			int notScored = 0;
			Optional<Double> own = ownScores.getOrDefault(level, Optional.empty());
			int higher = 0;
			int same = 0;
			int lower = 0;
			for (var entry : latest.entrySet()) {
				Optional<Double> score = Profile.meanOfSteps(entry.getValue().stream()
					.filter(r -> r.level().equals(level)).map(AssessmentRepository.SubmittedScore::step).toList());
				if (score.isEmpty()) {
					notScored++;
					continue;
				}
				int band = Profile.band(score.get());
				counts.set(band - 1, counts.get(band - 1) + 1);
				scores.add(score.get());
				if (own.isPresent() && !entry.getKey().equals(ownOrganisation)) {
					int ownBand = Profile.band(own.get());
					if (band > ownBand) {
						higher++;
					}
					else if (band < ownBand) {
						lower++;
					}
					else {
						same++;
					}
				}
			}
			levels.add(new LevelDistribution(level, labels.getOrDefault(level, level), counts, notScored,
					median(scores), own, higher, same, lower));
		}
		return new Benchmark(frameworkId, majorVersion, organisations, minimum, levels);
	}

	static Optional<Double> median(List<Double> values) {
		if (values.isEmpty()) {
			return Optional.empty();
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		return Optional.of(Math.round(median * 10) / 10.0);
	}
}
