package uk.interop.kb.assessment;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.interop.kb.search.Audience;

/**
 * Everything a profile page, its printable page and its exports show: the scores, the chart, the benchmark
 * and what to read. Built once here so the page and its twins agree.
 */
@Component
public class ProfileView {

	private final AssessmentService assessments;
	private final Recommendations recommendations;
	private final Members members;

	ProfileView(AssessmentService assessments, Recommendations recommendations, Members members) {
		this.assessments = assessments;
		this.recommendations = recommendations;
		this.members = members;
	}

	/**
	 * @param framework the framework as it is now, if still offered (for its notice and scale description)
	 * @param reading what to read, by indicator id, for indicators with a next step
	 */
	public record Data(Profile profile, String organisationLabel, Optional<Framework> framework, LevelChart chart,
			Benchmark benchmark, Map<String, Recommendations.Reading> reading) {

		public Assessment assessment() {
			return profile.assessment();
		}

		public Recommendations.Reading reading(String indicatorId) {
			return reading.getOrDefault(indicatorId, new Recommendations.Reading(java.util.List.of(),
					java.util.List.of(), java.util.List.of()));
		}
	}

	/** A submitted assessment's profile as JSON, for the API. */
	public ProfileJson json(Member member, long id, Audience audience) {
		return ProfileJson.of(of(member, id, audience));
	}

	/** A submitted assessment's profile; a draft has none yet, and is not found here. */
	Data of(Member member, long id, Audience audience) {
		Profile profile = assessments.profile(member, id);
		if (!profile.assessment().submitted()) {
			throw new AssessmentNotFoundException();
		}
		return new Data(profile, members.label(member.organisation()),
				assessments.frameworks().stream().filter(f -> f.id().equals(profile.assessment().frameworkId()))
					.findFirst(),
				LevelChart.of(profile), assessments.benchmark(member, profile),
				recommendations.forProfile(profile, audience));
	}
}
