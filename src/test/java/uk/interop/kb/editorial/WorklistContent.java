package uk.interop.kb.editorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import uk.interop.kb.support.TestContent;

/**
 * A content folder with something for every check on the worklist, and one clean lesson that must not appear:
 * written before the app starts, which then indexes it. Review dates are far from today so the rows do not depend
 * on when the test runs (the checks' own tests fix the date).
 */
public final class WorklistContent implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final Path ROOT = Path.of("target/test-content/worklist");
	public static final String INDEX = "target/test-index/worklist";

	public static final String CLEAN = "lessons/clean-custody-codes";
	public static final String BROKEN_LINK = "lessons/links-to-nothing";
	public static final String UNSOURCED = "case-studies/real-but-unsourced";
	public static final String OVERDUE = "lessons/review-long-overdue";
	public static final String OVERDUE_LATER = "lessons/review-overdue-later";
	public static final String NOT_YET_DUE = "lessons/review-not-yet-due";
	public static final String NO_THEME = "lessons/no-theme-given";
	public static final String DUPLICATE_A = "lessons/duplicate-title-one";
	public static final String DUPLICATE_B = "case-studies/duplicate-title-two";
	public static final String DUPLICATE_TITLE = "Shared  radio codes agreed";
	public static final String BAD_LEVEL_FILE = "lessons/unknown-level.md";
	public static final String ENTRY_WITHOUT_EVIDENCE = "PB-001";
	public static final String ENTRY_WITH_EVIDENCE = "PB-002";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		try {
			FileSystemUtils.deleteRecursively(ROOT);
			FileSystemUtils.deleteRecursively(Path.of(INDEX));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		write(new TestContent(ROOT));
		TestPropertyValues.of("kb.content-dir=" + ROOT.toAbsolutePath()).applyTo(context);
	}

	static void write(TestContent content) {
		content.write(CLEAN + ".md", TestContent.lesson("Custody codes agreed before the interface",
				"## What happened\n\nSee [the entry](/problem-book/PB-002) and [the unsourced case](/documents/"
						+ UNSOURCED + ").",
				"review-by: 2099-01-01"));
		content.write(BROKEN_LINK + ".md", TestContent.lesson("A lesson whose links lead nowhere",
				"## What happened\n\nSee [a lesson that was renamed](/documents/lessons/renamed-away#what-happened) "
						+ "and [an entry that never was](/problem-book/PB-999)."));
		content.write(UNSOURCED + ".md", TestContent.lesson("A real case study with no source",
				"## What happened\n\nSomething real.", "type: case-study", "illustrative: false", "source: \"\""));
		content.write(OVERDUE + ".md", TestContent.lesson("A lesson long overdue for review",
				"## What happened\n\nOld news.", "review-by: 2020-03-01"));
		content.write(OVERDUE_LATER + ".md", TestContent.lesson("A lesson overdue for review since later",
				"## What happened\n\nLess old news.", "review-by: 2021-06-30"));
		content.write(NOT_YET_DUE + ".md", TestContent.lesson("A lesson not yet due for review",
				"## What happened\n\nFresh news.", "review-by: 2099-12-31"));
		content.write(NO_THEME + ".md", TestContent.lesson("A lesson with no theme", "## What happened\n\nUnsorted.",
				"themes: []"));
		content.write(DUPLICATE_A + ".md", TestContent.lesson("\"" + DUPLICATE_TITLE + "\"",
				"## What happened\n\nOne telling."));
		content.write(DUPLICATE_B + ".md", TestContent.lesson("\"shared radio CODES agreed \"",
				"## What happened\n\nAnother telling.", "type: case-study"));
		content.write(BAD_LEVEL_FILE, TestContent.lesson("A lesson at a level nobody defined",
				"## What happened\n\nNo such level.", "levels: [semantic, telepathic]"));
		content.write("problem-book/pb-001-nothing-bears-on-it.md", TestContent.lesson("Culture is never measured",
				"An entry no lesson bears on.", "type: problem-book-entry", "reference: PB-001", "status: proposed",
				"outcome: not-applicable", "levels: [organisational]", "themes: [culture-leadership]"));
		content.write("problem-book/pb-002-lessons-bear-on-it.md", TestContent.lesson("Codes are not shared",
				"An entry the custody lesson bears on.", "type: problem-book-entry", "reference: PB-002",
				"status: proposed", "outcome: not-applicable", "levels: [semantic]", "themes: [data-quality]"));
	}
}
