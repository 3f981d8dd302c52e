package uk.interop.kb.editorial;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.Visibility;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks over plain documents, with today fixed: the boundaries an editor relies on. */
class WorklistChecksTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
	private static final Taxonomy TAXONOMY = new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy"));
	private final WorklistChecks checks = new WorklistChecks(TAXONOMY);

	private static Document document(String id, String title, String type, List<String> levels, List<String> themes,
			String source, boolean illustrative, String reviewBy) {
		LocalDate published = LocalDate.of(2026, 1, 15);
		return new Document(id, title, type, "Summary", levels, themes, List.of(), List.of("police"), "worked",
				List.of(), published, List.of("Editors"), Visibility.PUBLIC, source, illustrative, "", "", "", "",
				published, reviewBy);
	}

	private static Document lesson(String id, String title) {
		return document(id, title, "lesson", List.of("semantic"), List.of("data-quality"), "A source", false, "");
	}

	private static WorklistChecks.Candidate file(Document document, String html) {
		return new WorklistChecks.Candidate(document, html, document.id() + ".md");
	}

	private static WorklistChecks.Candidate database(Document document) {
		return new WorklistChecks.Candidate(document, "", "");
	}

	private Worklist check(List<WorklistChecks.Candidate> documents, List<WorklistChecks.ProblemEntry> entries) {
		return checks.check(List.of(), documents, entries, TODAY);
	}

	@Test
	void aReviewIsDueOnItsReviewByDayAndNotTheDayBefore() {
		Worklist worklist = check(List.of(
				file(document("lessons/today", "Today", "lesson", List.of("semantic"), List.of("data-quality"), "S",
						false, "2026-12-01"), ""),
				file(document("lessons/tomorrow", "Tomorrow", "lesson", List.of("semantic"), List.of("data-quality"),
						"S", false, "2026-12-02"), ""),
				file(document("lessons/last-year", "Last year", "lesson", List.of("semantic"),
						List.of("data-quality"), "S", false, "2025-12-01"), ""),
				file(lesson("lessons/none", "No date"), "")), List.of());

		assertThat(worklist.reviewDue()).extracting(r -> r.document().id())
			.containsExactly("lessons/last-year", "lessons/today");
	}

	@Test
	void linksResolveToDocumentsAndEntriesOfAnyOriginAndTheRestAreBroken() {
		String html = "<a href=\"/documents/lessons/b#evidence\">b</a> <a href=\"/documents/lessons/from-app\">app</a>"
				+ " <a href=\"/problem-book/pb-007\">entry</a> <a href=\"/problem-book/matrix\">matrix</a>"
				+ " <a href=\"/documents/lessons/gone?x=1\">gone</a> <a href=\"/problem-book/PB-404\">no entry</a>"
				+ " <a href=\"https://example.org/documents/elsewhere\">outside</a>";
		Worklist worklist = check(List.of(file(lesson("lessons/a", "A"), html), file(lesson("lessons/b", "B"), ""),
				database(lesson("lessons/from-app", "From the app"))),
				List.of(new WorklistChecks.ProblemEntry("PB-007", "Entry", List.of("data-quality"),
						List.of("semantic"))));

		assertThat(worklist.brokenLinks()).extracting(Worklist.BrokenLink::target)
			.containsExactly("/documents/lessons/gone", "/problem-book/PB-404");
		assertThat(worklist.brokenLinks().get(0).document().path()).isEqualTo("lessons/a.md");
	}

	@Test
	void onlyRealDocumentsWithABlankSourceAreUnsourced() {
		Worklist worklist = check(List.of(
				file(document("lessons/blank", "Blank", "lesson", List.of("semantic"), List.of("data-quality"), "  ",
						false, ""), ""),
				file(document("lessons/made-up", "Made up", "lesson", List.of("semantic"), List.of("data-quality"),
						"", true, ""), ""),
				file(lesson("lessons/cited", "Cited"), "")), List.of());

		assertThat(worklist.unsourced()).extracting(Worklist.Listed::id).containsExactly("lessons/blank");
	}

	@Test
	void lessonsNeedALevelAndAThemeEntriesATheme() {
		Worklist worklist = check(List.of(
				file(document("lessons/bare", "Bare", "lesson", List.of(), List.of(), "S", false, ""), ""),
				file(document("case-studies/no-level", "No level", "case-study", List.of(), List.of("data-quality"),
						"S", false, ""), ""),
				file(document("problem-book/no-levels", "Entry", "problem-book-entry", List.of(),
						List.of("data-quality"), "S", false, ""), ""),
				file(document("forum/no-themes", "Forum", "forum-writeup", List.of(), List.of(), "S", false, ""),
						"")), List.of());

		assertThat(worklist.unclassified()).extracting(u -> u.document().id() + " " + u.noLevel() + " " + u.noTheme())
			.containsExactly("case-studies/no-level true false", "lessons/bare true true");
	}

	@Test
	void titlesDifferingOnlyInCaseAndSpacingAreDuplicatesAndADatabaseCopyIsEditedBySuggestion() {
		Worklist worklist = check(List.of(file(lesson("lessons/one", "Radio  codes agreed"), ""),
				database(lesson("lessons/two", " radio codes AGREED")), file(lesson("lessons/three", "Radio codes"), "")),
				List.of());

		assertThat(worklist.duplicateTitles()).singleElement().satisfies(d -> {
			assertThat(d.documents()).extracting(Worklist.Listed::id).containsExactly("lessons/one", "lessons/two");
			assertThat(d.documents().get(1).fromFile()).isFalse();
			assertThat(d.documents().get(1).editUrl()).isEqualTo("/submissions/suggest?document=lessons/two");
		});
	}

	@Test
	void aTaxonomyValueIsUnusedOnlyWhenNoDocumentOfAnyTypeCarriesIt() {
		Worklist worklist = check(List.of(file(lesson("lessons/one", "One"), ""),
				database(document("problem-book/e", "E", "problem-book-entry", List.of(), List.of("skills-capacity"),
						"S", false, ""))), List.of());

		assertThat(worklist.unusedValues()).extracting(v -> v.vocabulary() + "/" + v.id())
			.contains("themes/culture-leadership", "levels/foundational")
			.doesNotContain("themes/data-quality", "themes/skills-capacity", "levels/semantic", "sectors/police",
					"outcomes/worked");
	}

	@Test
	void anEntryHasEvidenceOnlyWhenALessonSharesAThemeAndAMappedLevel() {
		Document lesson = lesson("lessons/one", "One");
		Worklist worklist = check(List.of(file(lesson, "")), List.of(
				new WorklistChecks.ProblemEntry("PB-001", "Same theme and level", List.of("data-quality"),
						List.of("semantic", "structural")),
				new WorklistChecks.ProblemEntry("PB-002", "Same theme, other level", List.of("data-quality"),
						List.of("structural")),
				new WorklistChecks.ProblemEntry("PB-003", "Mapped to no level", List.of("data-quality"), List.of()),
				new WorklistChecks.ProblemEntry("PB-004", "Other theme", List.of("culture-leadership"),
						List.of("semantic"))));

		assertThat(worklist.entriesWithoutEvidence()).extracting(e -> e.reference() + " " + e.mapped())
			.containsExactly("PB-002 true", "PB-003 false", "PB-004 true");
	}

	@Test
	void aCleanLibraryLeavesOnlyTheUnusedTaxonomyValues() {
		Worklist worklist = check(List.of(file(lesson("lessons/one", "One"), "<a href=\"/documents/lessons/one\">")),
				List.of(new WorklistChecks.ProblemEntry("PB-001", "Entry", List.of("data-quality"), List.of("semantic"))));

		assertThat(worklist.summary()).filteredOn(c -> c.count() > 0).extracting(Worklist.Check::anchor)
			.containsExactly("unused-values");
		assertThat(worklist.empty()).isFalse();
	}
}
