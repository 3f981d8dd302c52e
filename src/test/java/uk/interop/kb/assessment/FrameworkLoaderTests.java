package uk.interop.kb.assessment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.content.RenderedMarkdown;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.support.TestFrameworks;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frameworks as content: the shipped ones load cleanly and cite a recognised scale; every kind of mistake is
 * reported on the line it is on, and keeps the framework out.
 */
class FrameworkLoaderTests {

	private static final Taxonomy TAXONOMY = new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy"));
	private static final Map<String, List<String>> HEADINGS = Map.of("handbook/semantic",
			List.of("what-this-level-means", "how-to-recognise-where-you-stand"));

	@TempDir
	Path dir;

	private final FrameworkLoader loader = new FrameworkLoader(TAXONOMY, id -> Optional.ofNullable(HEADINGS.get(id)));

	private List<ContentProblem> problems(String text) {
		List<ContentProblem> problems = new ArrayList<>();
		Optional<Framework> framework = loader.parse("assessments/test.yml", text, problems);
		if (problems.stream().anyMatch(p -> p.severity().failsValidation())) {
			assertThat(framework).as("a framework with an error is not offered").isEmpty();
		}
		return problems;
	}

	private static int lineOf(String text, String fragment) {
		int at = text.indexOf(fragment);
		return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
	}

	@Test
	void theShippedFrameworksLoadWithoutProblemsOnARecognisedFiveStepScaleCoveringAllFourLevels() {
		Map<String, List<String>> headings = new java.util.HashMap<>();
		new uk.interop.kb.content.ContentLoader(TestContent.REAL_CONTENT, TAXONOMY,
				new uk.interop.kb.content.MarkdownRenderer()).loadAll().documents().forEach(d -> headings.put(
						d.document().id(), d.rendered().headings().stream().map(RenderedMarkdown.Heading::id).toList()));

		FrameworkLoader.Loaded loaded = new FrameworkLoader(TAXONOMY, id -> Optional.ofNullable(headings.get(id)))
			.load(TestContent.REAL_CONTENT);

		assertThat(loaded.problems()).isEmpty();
		assertThat(loaded.frameworks()).extracting(Framework::id).containsExactly("general", "rms");
		for (Framework framework : loaded.frameworks()) {
			assertThat(framework.proposal()).isTrue();
			assertThat(framework.notice()).contains("Interop KB's proposal").contains("not");
			assertThat(framework.scale().labels()).containsExactly("Initial", "Repeatable", "Defined", "Managed",
					"Optimised");
			assertThat(framework.scale().source()).contains("Capability Maturity Model");
			assertThat(framework.levels()).extracting(Framework.Level::level)
				.containsExactly("organisational", "semantic", "structural", "foundational");
			assertThat(framework.indicators()).allSatisfy(i -> {
				assertThat(i.steps()).hasSize(5);
				assertThat(i.themes()).isNotEmpty();
				assertThat(i.search()).isNotBlank();
			});
		}
		Framework rms = loaded.frameworks().get(1);
		assertThat(rms.scope()).containsIgnoringCase("records management");
		assertThat(rms.notice()).contains("Police Digital Service").contains("has not been published").contains("not it");
	}

	@Test
	void aValidFrameworkLoadsWithItsIndicatorsInOrder() {
		List<ContentProblem> problems = new ArrayList<>();
		Framework framework = loader.parse("assessments/test.yml", TestFrameworks.framework(), problems).orElseThrow();

		assertThat(problems).isEmpty();
		assertThat(framework.indicators()).extracting(Framework.Indicator::id).containsExactly("organisational-one",
				"semantic-one", "structural-one", "foundational-one");
		assertThat(framework.indicator("semantic-one").orElseThrow().step(3)).isEqualTo("c");
		assertThat(framework.majorVersion()).isEqualTo(1);
	}

	@Test
	void anIndicatorWithoutExactlyFiveStepsIsAnErrorOnItsLine() {
		String text = TestFrameworks.framework("steps: [a, b, c, d, e]\n  - level: semantic", "steps: [a, b, c, d]\n  - level: semantic");

		List<ContentProblem> problems = problems(text);

		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(lineOf(text, "steps: [a, b, c, d]"));
			assertThat(p.field()).isEqualTo("indicator organisational-one.steps");
			assertThat(p.format()).startsWith("assessments/test.yml:" + p.line() + ": ")
				.contains("exactly 5 steps").contains("found 4").endsWith("(framework not loaded)");
		});
	}

	@Test
	void aScaleWithoutFiveStepsIsAnError() {
		String text = TestFrameworks.framework("    - {id: optimised, label: Optimised, meaning: m5}\n", "");

		assertThat(problems(text)).singleElement().satisfies(p -> {
			assertThat(p.field()).isEqualTo("scale.steps");
			assertThat(p.message()).contains("exactly 5 steps, found 4");
			assertThat(p.line()).isEqualTo(lineOf(text, "    - {id: initial"));
		});
	}

	@Test
	void unknownLevelsThemesAndBarriersAreErrorsOnTheirLines() {
		String text = TestFrameworks.framework("- level: semantic", "- level: semnatic", "themes: [data-quality]",
				"themes: [data-qualty]", "search: quality", "search: quality\n        barriers: [culture, moods]");

		List<ContentProblem> problems = problems(text);

		assertThat(problems).extracting(ContentProblem::message).anySatisfy(m -> assertThat(m)
			.contains("unknown value 'semnatic' (not in levels.yml)"))
			.anySatisfy(m -> assertThat(m).contains("unknown value 'data-qualty' (not in themes.yml)"))
			.anySatisfy(m -> assertThat(m).contains("unknown value 'moods' (not in barriers.yml)"))
			.anySatisfy(m -> assertThat(m).contains("must cover all four levels; missing semantic"));
		assertThat(problems).filteredOn(p -> p.message().contains("semnatic")).singleElement()
			.extracting(ContentProblem::line).isEqualTo(lineOf(text, "semnatic"));
		assertThat(problems).filteredOn(p -> p.message().contains("data-qualty")).singleElement()
			.extracting(ContentProblem::line).isEqualTo(lineOf(text, "data-qualty"));
	}

	@Test
	void aHandbookSectionMustExist() {
		String text = TestFrameworks.framework("handbook: [handbook/semantic#what-this-level-means]",
				"handbook: [handbook/semantic#no-such-heading]");

		assertThat(problems(text)).singleElement().satisfies(p -> {
			assertThat(p.message()).contains("'handbook/semantic' has no heading '#no-such-heading'");
			assertThat(p.line()).isEqualTo(lineOf(text, "no-such-heading"));
		});
		assertThat(problems(TestFrameworks.framework("handbook: [handbook/semantic#what-this-level-means]",
				"handbook: [handbook/missing#anchor]"))).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("no document 'handbook/missing'"));
	}

	@Test
	void theIdMustBeTheFileNameAndTheVersionMajorDotMinor() {
		String text = TestFrameworks.framework("id: test", "id: other", "version: \"1.0\"", "version: one");

		List<ContentProblem> problems = problems(text);

		assertThat(problems).extracting(ContentProblem::field).containsExactly("id", "version");
		assertThat(problems.get(0).line()).isEqualTo(1);
		assertThat(problems.get(1).line()).isEqualTo(2);
		assertThat(problems.get(1).message()).contains("MAJOR.MINOR");
	}

	@Test
	void aDuplicateIndicatorIdAndAMissingQuestionAreErrors() {
		String text = TestFrameworks.framework("id: semantic-one", "id: organisational-one", "        question: How far has it got at structural?\n", "");

		List<ContentProblem> problems = problems(text);

		assertThat(problems).extracting(ContentProblem::message)
			.anySatisfy(m -> assertThat(m).contains("'organisational-one' is used by another indicator"))
			.anySatisfy(m -> assertThat(m).startsWith("missing"));
		assertThat(problems).filteredOn(p -> p.field().equals("indicator structural-one.question")).singleElement()
			.extracting(ContentProblem::line).isEqualTo(lineOf(text, "      - id: structural-one"));
	}

	@Test
	void invalidYamlIsReportedWithItsLineAndUnknownKeysAreOnlyWarnings() {
		String broken = TestFrameworks.framework("scope: Tests", "scope: [unclosed");
		assertThat(problems(broken)).singleElement().satisfies(p -> {
			assertThat(p.field()).isEqualTo("file");
			assertThat(p.message()).startsWith("not valid YAML");
			assertThat(p.line()).isBetween(4, 6);
		});

		List<ContentProblem> warned = new ArrayList<>();
		Optional<Framework> loaded = loader.parse("assessments/test.yml", TestFrameworks.framework("scope: Tests",
				"scope: Tests\ncolour: blue"), warned);
		assertThat(loaded).isPresent();
		assertThat(warned).singleElement().satisfies(p -> {
			assertThat(p.severity()).isEqualTo(ContentProblem.Severity.WARNING);
			assertThat(p.line()).isEqualTo(5);
			assertThat(p.field()).isEqualTo("colour");
		});
	}

	@Test
	void aFolderOfFilesLoadsTheGoodOnesAndReportsTheRest() throws Exception {
		java.nio.file.Files.createDirectories(dir.resolve("assessments"));
		java.nio.file.Files.writeString(dir.resolve("assessments/test.yml"), TestFrameworks.framework());
		java.nio.file.Files.writeString(dir.resolve("assessments/broken.yml"), TestFrameworks.framework("id: test", "id: broken",
				"steps: [a, b, c, d, e]", "steps: [a]"));
		java.nio.file.Files.writeString(dir.resolve("assessments/notes.txt"), "not a framework");

		FrameworkLoader.Loaded loaded = loader.load(dir);

		assertThat(loaded.frameworks()).extracting(Framework::id).containsExactly("test");
		assertThat(loaded.problems()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("assessments/broken.yml"));
		assertThat(loader.load(dir.resolve("nowhere")).frameworks()).isEmpty();
	}
}
