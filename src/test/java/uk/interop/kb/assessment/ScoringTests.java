package uk.interop.kb.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How answers become scores, how history compares them, and what a benchmark may show. */
class ScoringTests {

	static final List<String> LEVELS = List.of("organisational", "semantic", "structural", "foundational");
	static final Map<String, String> LABELS = Map.of("organisational", "Organisational", "semantic", "Semantic",
			"structural", "Structural", "foundational", "Foundational");
	static final List<String> SCALE = List.of("Initial", "Repeatable", "Defined", "Managed", "Optimised");

	static Assessment assessment(long id, String version, Instant submitted) {
		return new Assessment(id, "org", "general", version, "General", "CMM", SCALE, Assessment.Status.SUBMITTED,
				"Someone", submitted, submitted, Optional.of("Someone"), Optional.of(submitted));
	}

	static Answer answer(String level, int position, Integer step) {
		return new Answer(level + "-" + position, position, level, "Indicator " + position, "Question?", List.of(), "",
				Optional.ofNullable(step), "", "", "", 1, "Someone", Instant.EPOCH);
	}

	/** Answers for each level in turn: {@code steps[level][i]}; null for evidence only, 0 for not known. */
	static List<Answer> answers(Integer[]... steps) {
		List<Answer> answers = new ArrayList<>();
		int position = 0;
		for (int l = 0; l < steps.length; l++) {
			for (Integer step : steps[l]) {
				answers.add(answer(LEVELS.get(l), position++, step));
			}
		}
		return answers;
	}

	static Profile profile(Integer[]... steps) {
		return Profile.of(assessment(1, "1.0", Instant.parse("2026-03-01T10:00:00Z")), answers(steps), LEVELS, LABELS);
	}

	@Test
	void aLevelScoresTheMeanOfItsKnownAnswersToOneDecimalPlaceAndSitsInTheStepAtOrBelowIt() {
		Profile profile = profile(new Integer[] { 2, 3, 3 }, new Integer[] { 1, 0, 4 }, new Integer[] { 5, 5, 5 },
				new Integer[] { 0, 0 });

		Profile.LevelScore organisational = profile.level("organisational").orElseThrow();
		assertThat(organisational.score()).contains(2.7);
		assertThat(organisational.band()).contains(2);
		assertThat(organisational.bandLabel()).isEqualTo("Repeatable");
		assertThat(organisational.formatted()).isEqualTo("2.7");

		Profile.LevelScore semantic = profile.level("semantic").orElseThrow();
		assertThat(semantic.score()).as("not known scores nothing, rather than zero").contains(2.5);
		assertThat(semantic.known()).isEqualTo(2);
		assertThat(semantic.notKnown()).isEqualTo(1);

		assertThat(profile.level("structural").orElseThrow().bandLabel()).isEqualTo("Optimised");
		Profile.LevelScore foundational = profile.level("foundational").orElseThrow();
		assertThat(foundational.score()).isEmpty();
		assertThat(foundational.formatted()).isEqualTo("Not scored");
		assertThat(foundational.band()).isEmpty();
	}

	@Test
	void roundingIsHalfUpAndAWholeScoreIsItsOwnStep() {
		assertThat(Profile.mean(answers(new Integer[] { 1, 2, 2, 2, 2, 2, 2, 2 }))).contains(1.9);
		assertThat(Profile.mean(answers(new Integer[] { 2, 3 }))).contains(2.5);
		assertThat(Profile.mean(answers(new Integer[] { 3, 3, 4 }))).contains(3.3);
		assertThat(Profile.band(3.0)).isEqualTo(3);
		assertThat(Profile.band(2.99)).isEqualTo(2);
		assertThat(Profile.band(5.0)).isEqualTo(5);
		assertThat(Profile.mean(answers(new Integer[] { null, 0 }))).isEmpty();
	}

	@Test
	void eachIndicatorScoresItsStepAndHasANextStepBelowTheTop() {
		Profile profile = profile(new Integer[] { 5, 0, 3 }, new Integer[] { 1 }, new Integer[] { 2 },
				new Integer[] { 4 });

		List<Profile.IndicatorScore> organisational = profile.level("organisational").orElseThrow().indicators();
		assertThat(organisational).extracting(Profile.IndicatorScore::stepLabel).containsExactly("Optimised",
				"Not known", "Defined");
		assertThat(organisational).extracting(Profile.IndicatorScore::hasNextStep).containsExactly(false, true, true);
	}

	@Test
	void theWeakestLevelIsTheLowestScoredOneWithTiesGoingToTheFirst() {
		assertThat(profile(new Integer[] { 3 }, new Integer[] { 2 }, new Integer[] { 2 }, new Integer[] { 4 }).weakest()
			.map(Profile.LevelScore::level)).contains("semantic");
		assertThat(profile(new Integer[] { 0 }, new Integer[] { 0 }, new Integer[] { 0 }, new Integer[] { 0 }).weakest())
			.isEmpty();
	}

	@Test
	void historyShowsTheChangePerLevelAndNeverComparesAcrossMajorVersions() {
		Profile first = Profile.of(assessment(1, "1.0", Instant.parse("2026-01-01T00:00:00Z")),
				answers(new Integer[] { 2 }, new Integer[] { 3 }, new Integer[] { 1 }, new Integer[] { 0 }), LEVELS, LABELS);
		Profile second = Profile.of(assessment(2, "1.1", Instant.parse("2026-06-01T00:00:00Z")),
				answers(new Integer[] { 3 }, new Integer[] { 3 }, new Integer[] { 1 }, new Integer[] { 2 }), LEVELS, LABELS);
		Profile third = Profile.of(assessment(3, "2.0", Instant.parse("2027-01-01T00:00:00Z")),
				answers(new Integer[] { 5 }, new Integer[] { 5 }, new Integer[] { 5 }, new Integer[] { 5 }), LEVELS, LABELS);

		History history = History.of("general", List.of(first, second, third), LEVELS, LABELS);

		assertThat(history.rows()).extracting(r -> r.assessment().id()).containsExactly(3L, 2L, 1L);
		History.Row middle = history.rows().get(1);
		assertThat(middle.change("organisational")).contains(1.0);
		assertThat(middle.changeText("organisational")).isEqualTo("up 1.0");
		assertThat(middle.changeText("semantic")).isEqualTo("no change");
		assertThat(middle.change("foundational")).as("not known before: nothing to compare").isEmpty();
		assertThat(middle.versionChanged()).isTrue();
		History.Row newest = history.rows().get(0);
		assertThat(newest.versionChanged()).isTrue();
		assertThat(newest.change("organisational")).as("2.0 is a different set of questions").isEmpty();
		assertThat(history.rows().get(2).first()).isTrue();
		assertThat(history.rows().get(2).changeText("semantic")).isEmpty();
	}

	/** Rows as the repository returns them: one per answer of one organisation's submitted assessment. */
	static List<AssessmentRepository.SubmittedScore> submitted(long id, String organisation, String version,
			String when, Integer... stepsPerLevel) {
		List<AssessmentRepository.SubmittedScore> rows = new ArrayList<>();
		for (int i = 0; i < stepsPerLevel.length; i++) {
			rows.add(new AssessmentRepository.SubmittedScore(id, organisation, version, Instant.parse(when),
					LEVELS.get(i), Optional.ofNullable(stepsPerLevel[i])));
		}
		return rows;
	}

	@Test
	void belowFiveOrganisationsTheBenchmarkShowsOnlyHowManyThereAre() {
		List<AssessmentRepository.SubmittedScore> rows = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			rows.addAll(submitted(i, "org-" + i, "1.0", "2026-03-0" + i + "T00:00:00Z", i, i, i, i));
		}
		// A second submission by the same organisation is still one organisation.
		rows.addAll(submitted(9, "org-1", "1.0", "2026-04-01T00:00:00Z", 5, 5, 5, 5));

		Benchmark benchmark = Benchmark.of("general", 1, rows, "org-1", Map.of("semantic", Optional.of(5.0)), 5, LEVELS,
				LABELS);

		assertThat(benchmark.enough()).isFalse();
		assertThat(benchmark.organisations()).isEqualTo(4);
		assertThat(benchmark.levels()).isEmpty();
	}

	@Test
	void fromFiveOrganisationsItShowsCountsPerStepAndWhereThisOneSitsUsingEachOnesLatestSameMajorVersion() {
		List<AssessmentRepository.SubmittedScore> rows = new ArrayList<>();
		rows.addAll(submitted(1, "org-1", "1.0", "2026-01-01T00:00:00Z", 1, 1, 1, 1));
		rows.addAll(submitted(2, "org-1", "1.2", "2026-05-01T00:00:00Z", 3, 3, 3, 0));
		rows.addAll(submitted(3, "org-2", "1.0", "2026-02-01T00:00:00Z", 2, 2, 2, 2));
		rows.addAll(submitted(4, "org-3", "1.0", "2026-02-01T00:00:00Z", 2, 4, 2, 2));
		rows.addAll(submitted(5, "org-4", "1.1", "2026-02-01T00:00:00Z", 4, 5, 4, 4));
		rows.addAll(submitted(6, "org-5", "1.0", "2026-02-01T00:00:00Z", 5, 1, 5, 5));
		rows.addAll(submitted(7, "org-6", "2.0", "2026-02-01T00:00:00Z", 5, 5, 5, 5));
		Map<String, Optional<Double>> own = new LinkedHashMap<>();
		own.put("organisational", Optional.of(3.0));
		own.put("foundational", Optional.empty());

		Benchmark benchmark = Benchmark.of("general", 1, rows, "org-1", own, 5, LEVELS, LABELS);

		assertThat(benchmark.enough()).isTrue();
		assertThat(benchmark.organisations()).as("org-6 answered version 2").isEqualTo(5);
		Benchmark.LevelDistribution organisational = benchmark.levels().get(0);
		assertThat(organisational.counts()).as("org-1 counts once, with its latest (3)").containsExactly(0, 2, 1, 1, 1);
		assertThat(organisational.total()).isEqualTo(5);
		assertThat(organisational.median()).contains(3.0);
		assertThat(organisational.ownBand()).contains(3);
		assertThat(List.of(organisational.higher(), organisational.same(), organisational.lower()))
			.as("the other four against step 3").containsExactly(2, 0, 2);
		Benchmark.LevelDistribution foundational = benchmark.levels().get(3);
		assertThat(foundational.notScored()).isEqualTo(1);
		assertThat(foundational.counts()).containsExactly(0, 2, 0, 1, 1);
		assertThat(foundational.ownBand()).isEmpty();
		assertThat(benchmark.toString()).as("counts only: no organisation is named").doesNotContain("org-");
	}

	@Test
	void theMedianOfAnEvenCountIsTheMiddlePairsMean() {
		assertThat(Benchmark.median(List.of(1.0, 4.0, 2.0, 3.0))).contains(2.5);
		assertThat(Benchmark.median(List.of())).isEmpty();
	}
}
