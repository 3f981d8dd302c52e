package uk.interop.kb.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.content.ContentProblem.Severity;
import uk.interop.kb.support.TestContent;

import static org.assertj.core.api.Assertions.assertThat;

class FrontMatterParserTests {

	private static final LocalDate FILE_DATE = LocalDate.of(2025, 6, 1);

	@TempDir
	Path dir;

	private FrontMatterParser parser;

	@BeforeEach
	void setUp() {
		parser = new FrontMatterParser(new TestContent(dir).taxonomy());
	}

	private ParsedFile parse(String path, String text) {
		return parser.parse(path, text, FILE_DATE);
	}

	@Test
	void readsEveryFieldOfAGoodFile() {
		ParsedFile parsed = parse("lessons/good-one.md", """
				---
				title: Shared vocabulary first
				type: lesson
				summary: Agree the codes before building the interface.
				levels: [semantic, structural]
				themes: [data-standards-semantics]
				organisations: [anonymised-police-force]
				sector: [police, justice]
				outcome: worked
				barriers: [standards-adoption]
				published: 2026-03-12
				authors: [Interop KB editors]
				visibility: members
				source: Invented for demonstration
				illustrative: true
				---

				## What happened
				Text.
				""");

		assertThat(parsed.problems()).isEmpty();
		Document d = parsed.document().orElseThrow();
		assertThat(d.id()).isEqualTo("lessons/good-one");
		assertThat(d.title()).isEqualTo("Shared vocabulary first");
		assertThat(d.levels()).containsExactly("semantic", "structural");
		assertThat(d.sectors()).containsExactly("police", "justice");
		assertThat(d.outcome()).isEqualTo("worked");
		assertThat(d.published()).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(d.visibility()).isEqualTo(Visibility.MEMBERS);
		assertThat(d.illustrative()).isTrue();
		assertThat(parsed.body()).contains("## What happened");
	}

	@Test
	void fileWithNoFrontMatterIsIndexedWithTitleFromFirstHeadingAndTypeFromFolder() {
		ParsedFile parsed = parse("lessons/plain.md", "Intro paragraph here.\n\n# The real title\n\nBody.\n");

		Document d = parsed.document().orElseThrow();
		assertThat(d.title()).isEqualTo("The real title");
		assertThat(d.type()).isEqualTo("lesson");
		assertThat(d.summary()).isEqualTo("Intro paragraph here.");
		assertThat(d.published()).isEqualTo(FILE_DATE);
		assertThat(parsed.problems()).allMatch(p -> p.severity() == Severity.WARNING);
		assertThat(parsed.problems()).extracting(ContentProblem::field).contains("front matter", "title", "type");
	}

	@Test
	void titleFallsBackToFileNameWhenThereIsNoHeading() {
		ParsedFile parsed = parse("forum/spring-session-notes.md", "Just text.\n");

		assertThat(parsed.document().orElseThrow().title()).isEqualTo("Spring session notes");
	}

	@Test
	void byteOrderMarkAndWindowsLineEndingsAreTolerated() {
		String text = "\uFEFF" + TestContent.lesson("CRLF lesson", "Body line").replace("\n", "\r\n");

		ParsedFile parsed = parse("lessons/crlf.md", text);

		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.document().orElseThrow().title()).isEqualTo("CRLF lesson");
		assertThat(parsed.body()).doesNotContain("\r");
	}

	@Test
	void unknownKeysAndCommentsAreWarningsNotFailures() {
		String text = TestContent.lesson("Extra keys", "Body", "tags: [a, b]", "layout: post # a comment");

		ParsedFile parsed = parse("lessons/extra.md", text);

		assertThat(parsed.document()).isPresent();
		assertThat(parsed.problems()).extracting(ContentProblem::field).containsExactlyInAnyOrder("tags", "layout");
		assertThat(parsed.problems()).allMatch(p -> p.severity() == Severity.WARNING);
	}

	@Test
	void templateTagsAreIgnoredWithAWarningAndTheTitleFallsBack() {
		String text = "---\ntitle: <%= tp.file.title %>\ntype: lesson\nsummary: s\npublished: 2026-01-01\n---\n# Heading title\n";

		ParsedFile parsed = parse("lessons/templated.md", text);

		assertThat(parsed.document().orElseThrow().title()).isEqualTo("Heading title");
		assertThat(parsed.problems()).anySatisfy(p -> {
			assertThat(p.field()).isEqualTo("title");
			assertThat(p.line()).isEqualTo(2);
			assertThat(p.message()).contains("template tag");
		});
	}

	@Test
	void aHorizontalRuleAfterTheFrontMatterStaysInTheBody() {
		String text = TestContent.lesson("Rules", "Before\n\n---\n\nAfter the rule\n\n---\n");

		ParsedFile parsed = parse("lessons/rules.md", text);

		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.body()).contains("Before", "After the rule");
	}

	@Test
	void invalidYamlSkipsTheFileWithTheLineOfTheProblem() {
		String text = "---\ntitle: ok\nsummary: [unclosed\ntype: lesson\n---\nBody\n";

		ParsedFile parsed = parse("lessons/broken.md", text);

		assertThat(parsed.document()).isEmpty();
		ContentProblem problem = parsed.problems().get(0);
		assertThat(problem.severity()).isEqualTo(Severity.SKIPPED);
		assertThat(problem.field()).isEqualTo("front matter");
		assertThat(problem.line()).isBetween(3, 6);
		assertThat(problem.format()).startsWith("lessons/broken.md:" + problem.line() + ": front matter: not valid YAML");
	}

	@Test
	void frontMatterWithoutClosingLineIsSkipped() {
		ParsedFile parsed = parse("lessons/open.md", "---\ntitle: never closed\n\nBody\n");

		assertThat(parsed.document()).isEmpty();
		assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no closing"));
	}

	@Test
	void unknownControlledValuesAreDroppedAndReportedOnTheirLine() {
		String text = "---\ntitle: T\ntype: lesson\nsummary: S\nlevels: [semantic, semntic]\nthemes: [data-quality]\noutcome: great\npublished: 2026-01-01\n---\nBody\n";

		ParsedFile parsed = parse("lessons/typo.md", text);

		Document d = parsed.document().orElseThrow();
		assertThat(d.levels()).containsExactly("semantic");
		assertThat(d.outcome()).isEmpty();
		assertThat(parsed.problems()).extracting(ContentProblem::format).containsExactlyInAnyOrder(
				"lessons/typo.md:5: levels: unknown value 'semntic' (not in levels.yml); value ignored",
				"lessons/typo.md:7: outcome: unknown value 'great' (not in outcomes.yml); value ignored");
	}

	@Test
	void aMistypedVisibilityFailsClosedToMembers() {
		ParsedFile parsed = parse("lessons/vis.md", TestContent.lesson("V", "Body", "visibility: pubic"));

		assertThat(parsed.document().orElseThrow().visibility()).isEqualTo(Visibility.MEMBERS);
		assertThat(parsed.problems()).singleElement()
			.satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.ERROR));
	}

	@Test
	void badDateFallsBackToTheFileDateWithAnError() {
		ParsedFile parsed = parse("lessons/date.md", TestContent.lesson("D", "Body", "published: 31/02/2026"));

		assertThat(parsed.document().orElseThrow().published()).isEqualTo(FILE_DATE);
		assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("published"));
	}

	@Test
	void updatedAndReviewByAreOptionalDatesAndABadOneIsReportedOnItsLine() {
		Document plain = parse("lessons/plain.md", TestContent.lesson("P", "Body")).document().orElseThrow();
		assertThat(plain.updated()).isEqualTo(plain.published());
		assertThat(plain.wasUpdated()).isFalse();
		assertThat(plain.reviewBy()).isEmpty();

		Document dated = parse("lessons/dated.md", TestContent.lesson("D", "Body", "updated: 2026-09-14",
				"review-by: 2027-01-31")).document().orElseThrow();
		assertThat(dated.updated()).isEqualTo(java.time.LocalDate.parse("2026-09-14"));
		assertThat(dated.wasUpdated()).isTrue();
		assertThat(dated.reviewBy()).isEqualTo("2027-01-31");
		assertThat(dated.reviewDue(java.time.LocalDate.parse("2027-01-30"))).isFalse();
		assertThat(dated.reviewDue(java.time.LocalDate.parse("2027-01-31"))).isTrue();

		ParsedFile bad = parse("lessons/bad.md", TestContent.lesson("B", "Body", "updated: 2001-01-01",
				"review-by: next spring"));
		assertThat(bad.document().orElseThrow().updated()).isEqualTo(bad.document().orElseThrow().published());
		assertThat(bad.document().orElseThrow().reviewBy()).isEmpty();
		assertThat(bad.problems()).extracting(ContentProblem::field).containsExactlyInAnyOrder("updated", "review-by");
		assertThat(bad.problems()).filteredOn(p -> p.field().equals("review-by")).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("'next spring' is not a date"));
	}

	@Test
	void aSingleValueIsAcceptedWhereAListIsExpected() {
		ParsedFile parsed = parse("lessons/single.md", TestContent.lesson("S", "Body", "levels: foundational"));

		assertThat(parsed.document().orElseThrow().levels()).containsExactly("foundational");
	}

	@Test
	void aMappingWhereAValueIsExpectedIsAnErrorNotACrash() {
		ParsedFile parsed = parse("lessons/nested.md", TestContent.lesson("N", "Body", "title: {a: 1}"));

		assertThat(parsed.document()).isPresent();
		assertThat(parsed.problems()).extracting(ContentProblem::field).contains("title");
	}

	@Test
	void duplicateKeysKeepTheFirstValue() {
		String text = "---\ntitle: First\ntitle: Second\ntype: lesson\nsummary: s\npublished: 2026-01-01\n---\n";

		ParsedFile parsed = parse("lessons/dup.md", text);

		assertThat(parsed.document().orElseThrow().title()).isEqualTo("First");
		assertThat(parsed.problems()).anySatisfy(p -> assertThat(p.message()).contains("twice"));
	}

	@Test
	void yamlAliasBombIsRefused() {
		StringBuilder text = new StringBuilder("---\na: &a [x,x,x,x,x,x,x,x,x]\n");
		char previous = 'a';
		for (char c = 'b'; c <= 'm'; c++) {
			text.append(c).append(": &").append(c).append(" [");
			text.append(String.join(",", java.util.Collections.nCopies(9, "*" + previous)));
			text.append("]\n");
			previous = c;
		}
		text.append("title: bomb\n---\nBody\n");

		ParsedFile parsed = parse("lessons/bomb.md", text.toString());

		assertThat(parsed.problems()).isNotEmpty();
	}

	@Test
	void unrecognisedTypeInAnUnknownFolderIsSkipped() {
		ParsedFile parsed = parse("misc/note.md", "# A note\n");

		assertThat(parsed.document()).isEmpty();
		assertThat(parsed.problems()).extracting(ContentProblem::severity).contains(Severity.SKIPPED);
	}

	@Test
	void oddFileNamesBecomeUrlSafeIds() {
		assertThat(FrontMatterParser.idFor("lessons/My Lesson (Draft).MD")).isEqualTo("lessons/my-lesson-draft");
		List<ContentProblem> problems = parse("lessons/My File.md", TestContent.lesson("x", "y")).problems();
		assertThat(problems).extracting(ContentProblem::field).containsExactly("path");
	}

	@Test
	void idsOfTrickyPathsAreWhatTheOriginalRulesGave() {
		assertThat(FrontMatterParser.idFor("lessons/plain-name.md")).isEqualTo("lessons/plain-name");
		assertThat(FrontMatterParser.idFor("-lessons-/x-.md")).isEqualTo("lessons/x");
		assertThat(FrontMatterParser.idFor("a--b.md")).isEqualTo("a-b");
		assertThat(FrontMatterParser.idFor("Straße/Über.md")).isEqualTo("stra-e/ber");
		assertThat(FrontMatterParser.idFor("notes.markdown")).isEqualTo("notes-markdown");
		assertThat(FrontMatterParser.idFor(".md")).isEmpty();
	}

	/** The listing's fast path must agree with the rules ids were first defined by, for any path. */
	@Test
	void idsAgreeWithTheRegularExpressionRulesForRandomPaths() {
		Random random = new Random(19);
		String alphabet = "abz09/-_ .MDmdÄé";
		for (int n = 0; n < 20_000; n++) {
			StringBuilder path = new StringBuilder();
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				path.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			if (random.nextBoolean()) {
				path.append(random.nextBoolean() ? ".md" : ".MD");
			}
			String candidate = path.toString();
			assertThat(FrontMatterParser.idFor(candidate)).as(candidate).isEqualTo(regularExpressionId(candidate));
		}
	}

	private static String regularExpressionId(String path) {
		return path.replaceFirst("(?i)\\.md$", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9/]+", "-")
			.replaceAll("-{2,}", "-")
			.replaceAll("(^|/)-|-($|/)", "$1$2");
	}

	@Test
	void aDeclaredIdKeepsAnExportedDocumentsIdentityWhereverItIsFiled() {
		ParsedFile parsed = parse("lessons/anything.md", TestContent.lesson("Exported", "Body",
				"id: contributions/shared-vocabulary-1a2b"));
		assertThat(parsed.document().orElseThrow().id()).isEqualTo("contributions/shared-vocabulary-1a2b");

		ParsedFile bad = parse("lessons/anything.md", TestContent.lesson("Exported", "Body", "id: ../../etc/passwd"));
		assertThat(bad.document().orElseThrow().id()).isEqualTo("lessons/anything");
		assertThat(bad.problems()).extracting(ContentProblem::field).containsExactly("id");
	}
}
