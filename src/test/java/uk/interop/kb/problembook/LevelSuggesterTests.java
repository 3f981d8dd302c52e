package uk.interop.kb.problembook;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.search.Audience;
import uk.interop.kb.support.TestContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suggestions over a small content tree whose similar lessons are known: they come from the most
 * similar lessons and case studies the audience may read, never from anything else.
 */
class LevelSuggesterTests {

	private static final String WOMBAT = "Wombat telemetry from burrow sensors drops out when the relay mast loses "
			+ "power, so the burrow sensors stop reporting and the telemetry gap goes unnoticed.";

	@TempDir
	Path dir;

	private TestContent content() {
		TestContent content = new TestContent(dir.resolve("content"));
		content.write("problem-book/pb-001-wombat.md", entry("PB-001", "public"));
		content.write("problem-book/pb-002-wombat-members.md", entry("PB-002", "members"));
		content.write("lessons/l1.md", TestContent.lesson("Burrow sensors and the relay mast", WOMBAT,
				"levels: [foundational]"));
		content.write("lessons/l2.md", TestContent.lesson("Telemetry gaps from wombat burrows", WOMBAT + " Again.",
				"levels: [foundational, structural]"));
		content.write("lessons/l3.md", TestContent.lesson("Relay mast power for burrow telemetry",
				"The relay mast power failed and wombat telemetry stopped.", "levels: [foundational]"));
		content.write("case-studies/cs.md", TestContent.lesson("A burrow sensor network", "Burrow sensors and "
				+ "telemetry relays for wombat monitoring.", "type: case-study", "levels: [foundational]"));
		content.write("lessons/m1.md", TestContent.lesson("For members, wombat telemetry from burrow sensors",
				WOMBAT + " " + WOMBAT, "levels: [semantic]", "visibility: members"));
		content.write("lessons/m2.md", TestContent.lesson("For members, the burrow sensors telemetry gap", WOMBAT,
				"levels: [semantic]", "visibility: members"));
		content.write("forum/wombat-session.md", TestContent.lesson("A session on wombat telemetry", WOMBAT,
				"type: forum-writeup", "levels: [organisational]"));
		for (int i = 0; i < 12; i++) {
			content.write("lessons/other-" + i + ".md", TestContent.lesson("Custody vocabulary " + i,
					"Custody outcome codes were agreed between partners number " + i + ".", "levels: [semantic]",
					"themes: [culture-leadership]"));
		}
		return content;
	}

	private static String entry(String reference, String visibility) {
		return "---\ntitle: Wombat telemetry is lost when relay masts fail\ntype: problem-book-entry\nreference: "
				+ reference + "\nstatus: proposed\nsummary: Burrow sensor telemetry drops out.\nthemes: [data-quality]\n"
				+ "published: 2026-03-01\nvisibility: " + visibility + "\nsource: Test fixture\n---\n\n## Problem statement\n\n"
				+ WOMBAT + "\n";
	}

	@Test
	void anonymousSuggestionsComeOnlyFromPublicLessonsAndCaseStudies() {
		try (Workspace w = new Workspace(content().root(), dir.resolve("index"))) {
			Entry entry = w.book.entry("PB-001", Audience.PUBLIC).orElseThrow();

			LevelSuggester.Suggestion suggestion = w.suggester.suggest(entry, Audience.PUBLIC).orElseThrow();

			assertThat(suggestion.lessons()).extracting(e -> e.lesson().id())
				.containsExactlyInAnyOrder("lessons/l1", "lessons/l2", "lessons/l3", "case-studies/cs");
			assertThat(suggestion.level().id()).isEqualTo("foundational");
			assertThat(suggestion.score()).isEqualTo(bruteForceScore(suggestion, "foundational"));
			assertThat(suggestion.supporting()).hasSize(4);
		}
	}

	@Test
	void membersSuggestionsMayUseMembersOnlyLessonsAndFollowTheWeightedVote() {
		try (Workspace w = new Workspace(content().root(), dir.resolve("index"))) {
			Entry entry = w.book.entry("PB-001", Audience.MEMBERS).orElseThrow();

			LevelSuggester.Suggestion suggestion = w.suggester.suggest(entry, Audience.MEMBERS).orElseThrow();

			assertThat(suggestion.lessons()).extracting(e -> e.lesson().id()).contains("lessons/m1")
				.doesNotContain("forum/wombat-session", "problem-book/pb-002-wombat-members");
			assertThat(suggestion.lessons()).hasSize(LevelSuggester.CONSIDERED);
			Map<String, Integer> votes = votes(suggestion);
			int best = votes.values().stream().max(Integer::compare).orElseThrow();
			String expected = votes.entrySet().stream().filter(v -> v.getValue() == best).findFirst().orElseThrow().getKey();
			assertThat(suggestion.level().id()).isEqualTo(expected);
			assertThat(suggestion.score()).isEqualTo(bruteForceScore(suggestion, expected));
			assertThat(suggestion.lessons()).allSatisfy(e -> assertThat(e.supports())
				.isEqualTo(e.lesson().document().levels().contains(expected)));
		}
	}

	@Test
	void aMembersOnlyEntryGetsNoSuggestionForAnonymousReaders() {
		try (Workspace w = new Workspace(content().root(), dir.resolve("index"))) {
			Entry entry = w.book.entry("PB-002", Audience.MEMBERS).orElseThrow();

			assertThat(w.suggester.suggest(entry, Audience.PUBLIC)).isEmpty();
			assertThat(w.suggester.suggest(entry, Audience.MEMBERS)).isPresent();
		}
	}

	@Test
	void anEntryLikeNoLessonGetsNoSuggestion() {
		try (Workspace w = new Workspace(content().root(), dir.resolve("index"))) {
			String reference = w.editor.create(Workspace.EDITOR, new MappingEditor.NewEntry("Quasar gradients",
					"Xylophone quibbles.", "Zephyr marmalade juxtaposition.", List.of("skills-capacity"), "public"),
					"test").reference();
			Entry entry = w.book.entry(reference, Audience.PUBLIC).orElseThrow();

			assertThat(w.suggester.suggest(entry, Audience.MEMBERS)).isEmpty();
		}
	}

	/** The rule as documented: rank 1 of 5 weighs 5, rank 5 weighs 1; each lesson votes for each of its levels. */
	private static Map<String, Integer> votes(LevelSuggester.Suggestion suggestion) {
		Map<String, Integer> votes = new LinkedHashMap<>();
		for (String level : List.of("organisational", "semantic", "structural", "foundational")) {
			votes.put(level, suggestion.lessons().stream().filter(e -> e.lesson().document().levels().contains(level))
				.mapToInt(e -> LevelSuggester.CONSIDERED + 1 - e.rank()).sum());
		}
		return votes;
	}

	private static double bruteForceScore(LevelSuggester.Suggestion suggestion, String level) {
		int total = suggestion.lessons().stream().mapToInt(e -> LevelSuggester.CONSIDERED + 1 - e.rank()).sum();
		return (double) votes(suggestion).get(level) / total;
	}
}
