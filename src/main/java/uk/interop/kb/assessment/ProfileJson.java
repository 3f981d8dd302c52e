package uk.interop.kb.assessment;

import java.util.List;

import uk.interop.kb.search.IndexedDocument;

/**
 * A profile as JSON: for the page's {@code profile.json} and for the API, which return the same thing.
 * Times are ISO-8601 UTC; scores are numbers with one decimal place, or null when not scored.
 */
public record ProfileJson(long id, String organisation, String framework, String frameworkVersion,
		String frameworkTitle, String scale, List<String> steps, String status, String submittedAt,
		List<LevelJson> levels, String weakestLevel, BenchmarkJson benchmark) {

	public record LevelJson(String level, String label, Double score, Integer band, String bandLabel, int known,
			int notKnown, List<IndicatorJson> indicators) {
	}

	/** {@code step}: 1 to 5, 0 for not known. {@code reading} is null at the top step. */
	public record IndicatorJson(String id, String title, String question, Integer step, String stepLabel,
			String evidence, String nextStep, ReadingJson reading) {
	}

	public record ReadingJson(List<LinkJson> documents, List<LinkJson> handbook, List<LinkJson> problemBook) {
	}

	public record LinkJson(String title, String url, String type) {
		static LinkJson of(IndexedDocument document) {
			return new LinkJson(document.document().title(), document.url(), document.document().type());
		}
	}

	/** {@code enough} false: fewer organisations than {@code minimum} have submitted, and {@code levels} is empty. */
	public record BenchmarkJson(boolean enough, int organisations, int minimum, List<DistributionJson> levels) {
	}

	/** {@code counts[i]}: organisations whose level score is in step {@code i + 1}. */
	public record DistributionJson(String level, List<Integer> counts, int notScored, Double median, Integer ownBand,
			int higher, int same, int lower) {
	}

	static ProfileJson of(ProfileView.Data data) {
		Profile profile = data.profile();
		Assessment a = profile.assessment();
		List<LevelJson> levels = profile.levels().stream().map(l -> new LevelJson(l.level(), l.label(),
				l.score().orElse(null), l.band().orElse(null), l.bandLabel(), l.known(), l.notKnown(),
				l.indicators().stream().map(i -> indicator(i, data)).toList())).toList();
		return new ProfileJson(a.id(), a.organisation(), a.frameworkId(), a.frameworkVersion(), a.frameworkTitle(),
				a.scaleName(), a.scaleLabels(), a.status().name().toLowerCase(java.util.Locale.ROOT),
				a.submittedAt().map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).orElse(null),
				levels, profile.weakest().map(Profile.LevelScore::level).orElse(null), benchmark(data.benchmark()));
	}

	private static IndicatorJson indicator(Profile.IndicatorScore score, ProfileView.Data data) {
		Answer answer = score.answer();
		ReadingJson reading = null;
		if (score.hasNextStep()) {
			Recommendations.Reading r = data.reading(score.id());
			reading = new ReadingJson(r.documents().stream().map(LinkJson::of).toList(),
					r.handbook().stream().map(s -> new LinkJson(s.title(), s.url(), "handbook-chapter")).toList(),
					r.problems().stream().map(e -> new LinkJson(e.reference() + " " + e.title(), e.url(),
							"problem-book-entry")).toList());
		}
		return new IndicatorJson(answer.indicatorId(), answer.indicatorTitle(), answer.question(),
				answer.step().orElse(null), score.stepLabel(), answer.evidence(), answer.nextStep(), reading);
	}

	static BenchmarkJson benchmark(Benchmark benchmark) {
		return new BenchmarkJson(benchmark.enough(), benchmark.organisations(), benchmark.minimum(),
				benchmark.levels().stream().map(d -> new DistributionJson(d.level(), d.counts(), d.notScored(),
						d.median().orElse(null), d.ownBand().orElse(null), d.higher(), d.same(), d.lower())).toList());
	}
}
