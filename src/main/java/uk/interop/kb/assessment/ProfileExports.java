package uk.interop.kb.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.interop.kb.web.Csv;

/**
 * A profile as a CSV file (one row per indicator) and as a Markdown briefing note in the style of the search
 * briefing: for people preparing papers for boards and chief officers. Both hold only what the page shows
 * this organisation, and what to read only as this reader may read it.
 */
final class ProfileExports {

	static final List<String> HEADER = List.of("framework", "version", "organisation", "submitted", "level",
			"level_score", "level_step", "indicator", "question", "step", "step_label", "evidence");

	private ProfileExports() {
	}

	static String csv(ProfileView.Data data) {
		Assessment a = data.assessment();
		StringBuilder csv = new StringBuilder(Csv.row(HEADER));
		for (Profile.LevelScore level : data.profile().levels()) {
			for (Profile.IndicatorScore indicator : level.indicators()) {
				csv.append(Csv.row(List.of(a.frameworkId(), a.frameworkVersion(), data.organisationLabel(),
						a.submittedAt().map(t -> t.toString().substring(0, 10)).orElse(""), level.label(),
						level.score().isPresent() ? level.formatted() : "", level.bandLabel(),
						indicator.answer().indicatorTitle(), indicator.answer().question(),
						indicator.step().map(String::valueOf).orElse(""), indicator.stepLabel(),
						indicator.answer().evidence())));
			}
		}
		return csv.toString();
	}

	static String briefing(ProfileView.Data data, String baseUrl, LocalDate today) {
		Assessment a = data.assessment();
		StringBuilder md = new StringBuilder();
		md.append("# Interop KB briefing: ").append(escape(a.frameworkTitle())).append("\n\n");
		md.append("Prepared ").append(today).append(" from Interop KB (").append(baseUrl).append(a.url())
			.append(") for ").append(escape(data.organisationLabel())).append(". Submitted ")
			.append(a.submittedAt().map(t -> t.toString().substring(0, 10)).orElse("")).append(" by ")
			.append(escape(a.submittedByName().orElse(""))).append("; framework version ")
			.append(a.frameworkVersion()).append("; scale: ").append(escape(a.scaleName())).append(".\n\n");
		data.framework().filter(Framework::proposal)
			.ifPresent(f -> md.append("> ").append(escape(f.notice())).append("\n\n"));
		md.append("## Scores by level\n\n| Level | Score (1 to 5) | Step |\n|---|---|---|\n");
		for (Profile.LevelScore level : data.profile().levels()) {
			md.append("| ").append(escape(level.label())).append(" | ").append(level.formatted()).append(" | ")
				.append(escape(level.bandLabel())).append(" |\n");
		}
		md.append('\n');
		data.profile().weakest().ifPresent(w -> md.append("Weakest level: ").append(escape(w.label()))
			.append(". Interoperability tends to be limited by the weakest level.\n\n"));
		md.append("## How organisations compare\n\n");
		Benchmark benchmark = data.benchmark();
		if (!benchmark.enough()) {
			md.append("Too few organisations have submitted this framework to compare (")
				.append(benchmark.organisations()).append(" so far; at least ").append(benchmark.minimum())
				.append(" are needed).\n\n");
		}
		else {
			md.append("Latest submissions of ").append(benchmark.organisations())
				.append(" organisations: how many are at each step.\n\n| Level | ");
			md.append(String.join(" | ", a.scaleLabels().stream().map(ProfileExports::escape).toList()))
				.append(" | Not scored | Your step |\n|---|");
			md.append("---|".repeat(a.scaleLabels().size() + 2)).append('\n');
			for (Benchmark.LevelDistribution d : benchmark.levels()) {
				md.append("| ").append(escape(d.label())).append(" | ");
				d.counts().forEach(c -> md.append(c).append(" | "));
				md.append(d.notScored()).append(" | ").append(d.ownBand().map(a::stepLabel).orElse("Not scored"))
					.append(" |\n");
			}
			md.append('\n');
		}
		md.append("## Next steps and what to read\n\n");
		List<String> none = new ArrayList<>();
		for (Profile.LevelScore level : data.profile().levels()) {
			for (Profile.IndicatorScore indicator : level.indicators()) {
				if (!indicator.hasNextStep()) {
					none.add(indicator.answer().indicatorTitle());
					continue;
				}
				Answer answer = indicator.answer();
				md.append("### ").append(escape(level.label())).append(": ").append(escape(answer.indicatorTitle()))
					.append(" (").append(escape(indicator.stepLabel())).append(")\n\n");
				if (!answer.nextStep().isEmpty()) {
					md.append("Next step: ").append(escape(answer.nextStep())).append("\n\n");
				}
				Recommendations.Reading reading = data.reading(answer.indicatorId());
				reading.documents().forEach(d -> md.append("- [").append(escape(d.document().title())).append("](")
					.append(baseUrl).append(d.url()).append(")\n"));
				reading.handbook().forEach(s -> md.append("- Handbook: [").append(escape(s.title())).append("](")
					.append(baseUrl).append(s.url()).append(")\n"));
				reading.problems().forEach(e -> md.append("- Problem book: [").append(e.reference()).append(" ")
					.append(escape(e.title())).append("](").append(baseUrl).append(e.url()).append(")\n"));
				md.append('\n');
			}
		}
		if (!none.isEmpty()) {
			md.append("At the top step already: ").append(escape(String.join("; ", none))).append(".\n");
		}
		return md.toString();
	}

	/** As the search briefing does: Markdown characters that would make links, emphasis or HTML are escaped. */
	static String escape(String text) {
		return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replace("\n", " ");
	}
}
