package uk.interop.kb.problembook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.content.Document;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.support.RealContent;
import uk.interop.kb.support.TestContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workspace over the shipped content, a real index and a real database: the matrix against a
 * brute-force count, the append-only history, the rules for decisions and entries created in the app.
 */
class ProblemBookMappingTests {

	private static final List<String> LEVELS = List.of("organisational", "semantic", "structural", "foundational");
	private static final List<String> ACTIONS = List.of("propose", "agree", "dispute", "change");
	/** The states the matrix counts: a disputed mapping is not counted. */
	private static final List<String> COUNTED = List.of("proposed", "agreed");

	@TempDir
	Path dir;

	/** What the test believes about one entry: who may read it, its themes, and each level's state. */
	private record Expected(String reference, boolean isPublic, List<String> themes, Map<String, String> states) {
	}

	private static List<Document> shippedEntries() {
		return RealContent.documents().stream().filter(d -> d.type().equals("problem-book-entry")).toList();
	}

	private static String stateAfter(String action) {
		return switch (action) {
			case "agree" -> "agreed";
			case "dispute" -> "disputed";
			default -> "proposed";
		};
	}

	private static MappingEditor.Decision decision(String action, String level, String rationale) {
		return new MappingEditor.Decision(action, level, "high", rationale);
	}

	@Test
	void matrixCountsEqualABruteForceCountForAnonymousAndMembers() {
		try (Workspace w = new Workspace(TestContent.REAL_CONTENT, Workspace.shippedIndexCopy(dir.resolve("index")))) {
			Map<String, Expected> expected = new LinkedHashMap<>();
			for (Document d : shippedEntries()) {
				Map<String, String> states = new HashMap<>();
				d.levels().forEach(l -> states.put(l, "proposed"));
				expected.put(d.reference(), new Expected(d.reference(), d.isPublic(), d.themes(), states));
			}
			String open = w.editor.create(Workspace.EDITOR, new MappingEditor.NewEntry("An open entry", "Summary.",
					"Statement.", List.of("skills-capacity", "data-quality"), "public"), "test").reference();
			String closed = w.editor.create(Workspace.EDITOR, new MappingEditor.NewEntry("A closed entry", "Summary.",
					"Statement.", List.of("commercial-procurement"), "members"), "test").reference();
			expected.put(open, new Expected(open, true, List.of("skills-capacity", "data-quality"), new HashMap<>()));
			expected.put(closed, new Expected(closed, false, List.of("commercial-procurement"), new HashMap<>()));

			Random random = new Random(2026);
			List<Expected> all = new ArrayList<>(expected.values());
			int accepted = 0;
			for (int round = 0; round < 160; round++) {
				Expected entry = all.get(random.nextInt(all.size()));
				String level = LEVELS.get(random.nextInt(LEVELS.size()));
				String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
				if (w.editor.decide(Workspace.EDITOR, entry.reference(), decision(action, level, "Round " + round),
						Audience.MEMBERS, "test").done()) {
					entry.states().put(level, stateAfter(action));
					accepted++;
				}
			}
			assertThat(accepted).as("decisions accepted").isGreaterThan(40);

			List<Document> documents = RealContent.documents();
			Map<Audience, Matrix> matrices = new HashMap<>();
			for (Audience audience : List.of(Audience.PUBLIC, Audience.MEMBERS)) {
				boolean member = audience == Audience.MEMBERS;
				Matrix matrix = w.book.matrix(audience);
				matrices.put(audience, matrix);
				assertThat(matrix.rows()).extracting(r -> r.theme().id())
					.containsExactlyElementsOf(w.taxonomy.themes().concepts().stream().map(c -> c.id()).toList());
				for (Matrix.Row row : matrix.rows()) {
					String theme = row.theme().id();
					assertThat(row.cells()).extracting(Matrix.Cell::level).containsExactlyElementsOf(LEVELS);
					for (Matrix.Cell cell : row.cells()) {
						long entries = expected.values().stream().filter(e -> member || e.isPublic())
							.filter(e -> e.themes().contains(theme))
							.filter(e -> COUNTED.contains(e.states().getOrDefault(cell.level(), "unmapped")))
							.count();
						long lessons = documents.stream().filter(d -> member || d.isPublic())
							.filter(d -> d.type().equals("lesson") || d.type().equals("case-study"))
							.filter(d -> d.themes().contains(theme) && d.levels().contains(cell.level()))
							.count();
						String where = audience + " " + theme + " x " + cell.level();
						assertThat(cell.entries()).as(where + " entries").isEqualTo(entries);
						assertThat(cell.lessons()).as(where + " lessons").isEqualTo(lessons);
						assertThat(cell.searchUrl()).as(where).contains("theme=" + theme).contains("level=" + cell.level());
					}
				}
			}
			// The members-only entries make a difference somewhere, so the audience really is applied.
			assertThat(matrices.get(Audience.MEMBERS)).isNotEqualTo(matrices.get(Audience.PUBLIC));
		}
	}

	@Test
	void historyKeepsEveryChangeAndTheLatestWins() {
		try (Workspace w = new Workspace(TestContent.REAL_CONTENT, Workspace.shippedIndexCopy(dir.resolve("index")))) {
			Document shipped = shippedEntries().stream().filter(Document::isPublic).filter(d -> d.levels().size() == 1)
				.findFirst().orElseThrow();
			String reference = shipped.reference();
			String level = shipped.levels().get(0);
			String other = LEVELS.stream().filter(l -> !l.equals(level)).findFirst().orElseThrow();
			List<MappingEditor.Decision> decisions = List.of(
					new MappingEditor.Decision("agree", level, "high", "one"),
					new MappingEditor.Decision("dispute", level, "low", "two"),
					new MappingEditor.Decision("change", level, "medium", "three"),
					new MappingEditor.Decision("agree", level, "high", "four"),
					new MappingEditor.Decision("propose", other, "low", "five"),
					new MappingEditor.Decision("dispute", other, "medium", "six"),
					new MappingEditor.Decision("propose", other, "medium", "seven"));
			long auditBefore = w.audit.count();

			for (MappingEditor.Decision d : decisions) {
				assertThat(w.editor.decide(Workspace.EDITOR, reference, d, Audience.MEMBERS, "test").errors()).as(d.rationale())
					.isEmpty();
			}

			assertThat(w.ledgerRows(reference)).isEqualTo(decisions.size());
			assertThat(w.audit.count() - auditBefore).isEqualTo(decisions.size());
			EntryMapping mapping = w.book.mapping(reference, Audience.PUBLIC).orElseThrow();
			List<MappingRecord> stored = mapping.history().stream().filter(r -> !r.fromContentFile()).toList();
			assertThat(stored).extracting(MappingRecord::rationale)
				.containsExactly("seven", "six", "five", "four", "three", "two", "one");
			assertThat(mapping.history()).last().satisfies(r -> {
				assertThat(r.fromContentFile()).isTrue();
				assertThat(r.recordedBy()).isEqualTo(MappingRecord.CONTENT_FILES);
				assertThat(r.level()).isEqualTo(level);
			});
			MappingRecord atLevel = mapping.at(level).orElseThrow();
			assertThat(atLevel.state()).isEqualTo(ReviewState.AGREED);
			assertThat(atLevel.confidence()).isEqualTo(Confidence.HIGH);
			assertThat(atLevel.rationale()).isEqualTo("four");
			assertThat(mapping.at(other).orElseThrow().rationale()).isEqualTo("seven");
			assertThat(mapping.mappedLevels()).containsExactlyInAnyOrder(level, other);
			assertThat(w.audit.page(1, 1).get(0)).satisfies(e -> {
				assertThat(e.actor()).isEqualTo(Workspace.EDITOR.username());
				assertThat(e.action()).isEqualTo("PROBLEM_BOOK_PROPOSE");
				assertThat(e.target()).isEqualTo(reference + " " + other);
			});
		}
	}

	@Test
	void aDecisionTheRulesRefuseWritesNothing() {
		try (Workspace w = new Workspace(TestContent.REAL_CONTENT, Workspace.shippedIndexCopy(dir.resolve("index")))) {
			Document shipped = shippedEntries().stream().filter(Document::isPublic).findFirst().orElseThrow();
			String mapped = shipped.levels().get(0);
			String unmapped = LEVELS.stream().filter(l -> !shipped.levels().contains(l)).findFirst().orElseThrow();
			String reference = shipped.reference();
			long auditBefore = w.audit.count();

			assertThat(w.editor.decide(Workspace.EDITOR, reference, new MappingEditor.Decision(null, null, null, null),
					Audience.MEMBERS, "test").errors()).containsOnlyKeys("action", "level", "confidence", "rationale");
			assertThat(w.editor.decide(Workspace.EDITOR, reference, decision("agree", unmapped, "r"), Audience.MEMBERS,
					"test").errors()).containsOnlyKeys("action");
			assertThat(w.editor.decide(Workspace.EDITOR, reference, decision("propose", mapped, "r"), Audience.MEMBERS,
					"test").errors()).containsOnlyKeys("action");
			assertThat(w.editor.decide(Workspace.EDITOR, reference, decision("propose", "sideways", "r"),
					Audience.MEMBERS, "test").errors()).containsOnlyKeys("level");
			assertThat(w.editor.decide(Workspace.EDITOR, reference, decision("content-file", mapped, "r"),
					Audience.MEMBERS, "test").errors()).containsOnlyKeys("action");
			assertThat(w.editor.decide(Workspace.EDITOR, reference, decision("agree", mapped, "   "), Audience.MEMBERS,
					"test").errors()).containsOnlyKeys("rationale");
			assertThat(w.editor.decide(Workspace.EDITOR, reference, decision("agree", mapped, "x".repeat(2001)),
					Audience.MEMBERS, "test").errors()).containsOnlyKeys("rationale");
			assertThat(w.editor.decide(Workspace.EDITOR, reference,
					new MappingEditor.Decision("agree", mapped, "not-stated", "r"), Audience.MEMBERS, "test").errors())
				.containsOnlyKeys("confidence");

			assertThat(w.ledgerRows(reference)).isZero();
			assertThat(w.audit.count()).isEqualTo(auditBefore);
		}
	}

	@Test
	void membersOnlyAndUnknownEntriesCannotBeReadOrDecidedByOthers() {
		try (Workspace w = new Workspace(TestContent.REAL_CONTENT, Workspace.shippedIndexCopy(dir.resolve("index")))) {
			Document members = shippedEntries().stream().filter(d -> !d.isPublic()).findFirst().orElseThrow();

			assertThat(w.book.entry(members.reference(), Audience.PUBLIC)).isEmpty();
			assertThat(w.book.entry(members.reference(), Audience.MEMBERS)).isPresent();
			assertThat(w.book.entries(Audience.PUBLIC)).extracting(Entry::reference).doesNotContain(members.reference());
			assertThat(MappingExport.rows(w.book.mappings(Audience.PUBLIC))).extracting(MappingExport.Row::entry)
				.doesNotContain(members.reference());
			assertThatThrownBy(() -> w.editor.decide(Workspace.EDITOR, members.reference(),
					decision("agree", members.levels().get(0), "r"), Audience.PUBLIC, "test"))
				.isInstanceOf(EntryNotFoundException.class);
			assertThatThrownBy(() -> w.editor.decide(Workspace.EDITOR, "PB-999", decision("agree", "semantic", "r"),
					Audience.MEMBERS, "test"))
				.isInstanceOf(EntryNotFoundException.class);
			assertThat(w.ledgerRows(members.reference())).isZero();
		}
	}

	@Test
	void anEntryCreatedInTheAppTakesTheNextNumberIsSearchableAndSurvivesRebuildsAndRestarts() {
		int highest = shippedEntries().stream().mapToInt(d -> References.number(d.reference())).max().orElseThrow();
		var jdbc = uk.interop.kb.support.TestDatabase.fresh();
		String reference;
		try (Workspace w = new Workspace(TestContent.REAL_CONTENT, Workspace.shippedIndexCopy(dir.resolve("index")), jdbc)) {
			MappingEditor.Outcome created = w.editor.create(Workspace.EDITOR, new MappingEditor.NewEntry(
					"  Wombat   telemetry is lost  ", "Telemetry from wombats is lost.", "Zorblax readings vanish.",
					List.of("data-quality"), "public"), "test");
			reference = created.reference();
			String second = w.editor.create(Workspace.EDITOR, new MappingEditor.NewEntry("Another", "Another.",
					"Another.", List.of("data-quality"), "members"), "test").reference();

			assertThat(reference).isEqualTo(References.format(highest + 1));
			assertThat(second).isEqualTo(References.format(highest + 2));
			Entry entry = w.book.entry(reference, Audience.PUBLIC).orElseThrow();
			assertThat(entry.title()).isEqualTo("Wombat telemetry is lost");
			assertThat(entry.origin()).isEqualTo(uk.interop.kb.content.SourceDocument.Origin.DATABASE);
			assertThat(entry.initialLevels()).isEmpty();
			assertThat(entry.documentId()).isEqualTo("problem-book/" + reference.toLowerCase() + "-wombat-telemetry-is-lost");
			assertThat(w.book.mapping(reference, Audience.PUBLIC).orElseThrow().isMapped()).isFalse();
			assertThat(w.book.entry(second, Audience.PUBLIC)).isEmpty();
			assertThat(w.book.entry(second, Audience.MEMBERS)).isPresent();
			assertThat(foundAt(w, "zorblax", "structural")).isZero();

			w.editor.decide(Workspace.EDITOR, reference, decision("propose", "structural", "r"), Audience.MEMBERS, "t");
			assertThat(foundAt(w, "zorblax", "structural")).isEqualTo(1);

			w.indexer.rebuild(done -> {
			});
			assertThat(foundAt(w, "zorblax", "structural")).isEqualTo(1);

			w.editor.decide(Workspace.EDITOR, reference, decision("dispute", "structural", "r"), Audience.MEMBERS, "t");
			assertThat(foundAt(w, "zorblax", "structural")).isZero();
			assertThat(w.search.search(SearchRequest.of("zorblax"), Audience.PUBLIC).total()).isEqualTo(1);
		}
		try (Workspace restarted = new Workspace(TestContent.REAL_CONTENT, dir.resolve("index"), jdbc)) {
			assertThat(restarted.search.search(SearchRequest.of("zorblax"), Audience.PUBLIC).total()).isEqualTo(1);
			assertThat(restarted.book.entry(reference, Audience.PUBLIC)).isPresent();
		}
	}

	@Test
	void aNewEntryNeedsATitleSummaryStatementThemesAndAudience() {
		try (Workspace w = new Workspace(TestContent.REAL_CONTENT, Workspace.shippedIndexCopy(dir.resolve("index")))) {
			MappingEditor.Outcome outcome = w.editor.create(Workspace.EDITOR,
					new MappingEditor.NewEntry(" ", null, "", null, "everyone"), "test");
			MappingEditor.Outcome badTheme = w.editor.create(Workspace.EDITOR,
					new MappingEditor.NewEntry("T".repeat(201), "S", "S", List.of("not-a-theme"), "public"), "test");

			assertThat(outcome.errors()).containsOnlyKeys("title", "summary", "statement", "themes", "visibility");
			assertThat(badTheme.errors()).containsOnlyKeys("title", "themes");
			assertThat(w.entries.all()).isEmpty();
		}
	}

	private static long foundAt(Workspace w, String word, String level) {
		return w.search.search(SearchRequest.of(word).withFilter(Facet.LEVEL, level), Audience.PUBLIC).total();
	}
}
