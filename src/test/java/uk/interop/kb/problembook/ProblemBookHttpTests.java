package uk.interop.kb.problembook;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.content.Document;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RealContent;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The workspace over real HTTP in the whole app: counts, access rules, exports, decisions and hostile input. */
@KbApplicationTest
class ProblemBookHttpTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final List<String> LEVELS = List.of("organisational", "semantic", "structural", "foundational");
	private static final Pattern CELL = Pattern.compile(
			"data-theme=\"([a-z0-9-]+)\" data-level=\"([a-z]+)\">\\s*<a class=\"[^\"]*kb-matrix-entries\" href=\"([^\"]+)\">"
					+ "<span>(\\d+) entr[^<]*</span>.*?<a class=\"[^\"]*kb-matrix-lessons\" href=\"([^\"]+)\"><span>(\\d+) lesson");

	@LocalServerPort
	int port;

	private final TestAccounts accounts;
	private final JdbcClient jdbc;
	private final AuditLog audit;

	@Autowired
	ProblemBookHttpTests(TestAccounts accounts, JdbcClient jdbc, AuditLog audit) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	private WebSession as(Role role) {
		WebSession session = new WebSession(port);
		if (role != null) {
			session.signIn(accounts.user(role), TestAccounts.PASSWORD);
		}
		return session;
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static List<Document> shippedEntries() {
		return RealContent.documents().stream().filter(d -> d.type().equals("problem-book-entry")).toList();
	}

	private static Document membersOnlyEntry() {
		return shippedEntries().stream().filter(d -> !d.isPublic()).findFirst().orElseThrow();
	}

	private HttpResponse<String> decide(WebSession editor, String reference, String action, String level,
			String rationale) {
		String form = "/problem-book/" + reference + "/mapping";
		return editor.post(form, form, Map.of("action", action, "level", level, "confidence", "medium", "rationale",
				rationale));
	}

	/** What an entry is, for the brute force: who may read it, its themes and its front-matter levels. */
	private record Known(boolean isPublic, List<String> themes, List<String> initialLevels) {
	}

	/** Entries from the files and from the database, with the current state of every level worked out from the raw rows. */
	private Map<String, Map<String, String>> bruteForceStates(Map<String, Known> known) {
		shippedEntries().forEach(d -> known.put(d.reference(), new Known(d.isPublic(), d.themes(), d.levels())));
		jdbc.sql("select reference, themes, visibility from problem_book_entry").query((rs, n) -> {
			known.put(rs.getString(1), new Known(rs.getString(3).equals("public"), Arrays.asList(rs.getString(2).split(",")),
					List.of()));
			return null;
		}).list();
		Map<String, Map<String, String>> states = new HashMap<>();
		known.forEach((reference, k) -> {
			Map<String, String> byLevel = new HashMap<>();
			k.initialLevels().forEach(l -> byLevel.put(l, "proposed"));
			states.put(reference, byLevel);
		});
		// Rows in id order: a later row for the same entry and level replaces an earlier one.
		jdbc.sql("select entry_reference, level_id, review_state from problem_book_mapping order by id").query((rs, n) -> {
			states.computeIfAbsent(rs.getString(1), r -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
			return null;
		}).list();
		return states;
	}

	@Test
	void theMatrixEqualsABruteForceCountForAnonymousReadersAndEachRole() {
		WebSession editor = as(Role.EDITOR);
		Document open = shippedEntries().stream().filter(Document::isPublic).filter(d -> d.levels().size() > 1)
			.findFirst().orElseThrow();
		Document closed = membersOnlyEntry();
		String closedNew = LEVELS.stream().filter(l -> !closed.levels().contains(l)).findFirst().orElseThrow();
		decide(editor, open.reference(), "dispute", open.levels().get(0), "Not the root cause.");
		decide(editor, closed.reference(), "propose", closedNew, "Members-only evidence points here.");

		List<Document> documents = RealContent.documents();
		Map<String, WebSession> readers = new LinkedHashMap<>();
		readers.put("anonymous", as(null));
		readers.put("MEMBER", as(Role.MEMBER));
		readers.put("CONTRIBUTOR", as(Role.CONTRIBUTOR));
		for (Map.Entry<String, WebSession> reader : readers.entrySet()) {
			boolean member = !reader.getKey().equals("anonymous");
			Map<String, Known> known = new HashMap<>();
			Map<String, Map<String, String>> states = bruteForceStates(known);
			JsonNode matrix = json(reader.getValue().getJson("/api/v1/problem-book/matrix"));
			String page = reader.getValue().get("/problem-book").body();
			Map<String, Integer> onPage = new HashMap<>();
			Matcher cell = CELL.matcher(page.replaceAll("\\s+", " "));
			while (cell.find()) {
				onPage.put(cell.group(1) + "/" + cell.group(2), Integer.parseInt(cell.group(4)));
				if (!member) {
					// Two counts, two links: the entries list shows those entries, the search those lessons.
					String entriesUrl = cell.group(3).replace("&amp;", "&");
					String lessonsUrl = cell.group(5).replace("&amp;", "&");
					assertThat(entriesUrl).isNotEqualTo(lessonsUrl).startsWith("/problem-book?theme=" + cell.group(1));
					String listed = reader.getValue().get(entriesUrl.replace("#entries", "")).body();
					int rows = listed.substring(listed.indexOf("id=\"entries\"")).split("class=\"govuk-table__row\"").length - 2;
					assertThat(Math.max(rows, 0)).as("entries listed for " + entriesUrl).isEqualTo(Integer.parseInt(cell.group(4)));
					JsonNode found = json(reader.getValue().getJson(lessonsUrl.replace("/search?", "/api/v1/search?")));
					assertThat(found.get("total").asLong()).as("lessons found by " + lessonsUrl)
						.isEqualTo(Long.parseLong(cell.group(6)));
				}
			}
			assertThat(matrix.get("levels").toString()).isEqualTo(JSON.writeValueAsString(LEVELS));
			int cells = 0;
			for (JsonNode row : matrix.get("themes")) {
				String theme = row.get("theme").asString();
				for (JsonNode c : row.get("cells")) {
					String level = c.get("level").asString();
					long entries = known.entrySet().stream().filter(e -> member || e.getValue().isPublic())
						.filter(e -> e.getValue().themes().contains(theme))
						.filter(e -> List.of("proposed", "agreed").contains(states.get(e.getKey()).getOrDefault(level, "none")))
						.count();
					long lessons = documents.stream().filter(d -> member || d.isPublic())
						.filter(d -> List.of("lesson", "case-study").contains(d.type()))
						.filter(d -> d.themes().contains(theme) && d.levels().contains(level)).count();
					String where = reader.getKey() + " " + theme + " x " + level;
					assertThat(c.get("entries").asLong()).as(where).isEqualTo(entries);
					assertThat(c.get("lessons").asLong()).as(where).isEqualTo(lessons);
					assertThat(onPage.get(theme + "/" + level)).as(where + " on the page").isEqualTo((int) entries);
					cells++;
				}
			}
			assertThat(cells).isEqualTo(LEVELS.size() * 12);
		}
	}

	@Test
	void anEntryPageLinksTheHandbookChapterOfEachLevelAndLessonsAtTheSameThemeAndLevelFirst() {
		List<Document> documents = RealContent.documents();
		WebSession anonymous = as(null);
		for (Document entry : shippedEntries().stream().filter(Document::isPublic).toList()) {
			JsonNode api = json(anonymous.getJson("/api/v1/problem-book/entries/" + entry.reference()));
			String page = anonymous.get("/problem-book/" + entry.reference()).body();
			List<String> mapped = new ArrayList<>();
			for (JsonNode level : api.get("mapping")) {
				assertThat(page).as(entry.reference()).contains("href=\"/documents/handbook/" + level.get("level").asString() + "\"");
				if (!level.get("state").asString().equals("disputed")) {
					mapped.add(level.get("level").asString());
				}
			}
			List<String> sameThemeAndLevel = documents.stream().filter(Document::isPublic)
				.filter(d -> List.of("lesson", "case-study").contains(d.type()))
				.filter(d -> d.themes().stream().anyMatch(entry.themes()::contains))
				.filter(d -> d.levels().stream().anyMatch(mapped::contains))
				.map(d -> "/documents/" + d.id()).toList();
			Matcher list = Pattern.compile("id=\"same-theme-and-level\">(.*?)</ul>", Pattern.DOTALL).matcher(page);
			List<String> shown = new ArrayList<>();
			if (list.find()) {
				Matcher link = Pattern.compile("href=\"([^\"]+)\"").matcher(list.group(1));
				while (link.find()) {
					shown.add(link.group(1));
				}
			}
			assertThat(shown).as(entry.reference()).hasSize(Math.min(5, sameThemeAndLevel.size()));
			assertThat(sameThemeAndLevel).as(entry.reference()).containsAll(shown);
		}
	}

	@Test
	void membersOnlyEntriesNeverReachAnonymousReadersAnywhere() {
		Document closed = membersOnlyEntry();
		List<String> membersTitles = RealContent.documents().stream().filter(d -> !d.isPublic()).map(Document::title)
			.toList();
		WebSession anonymous = as(null);
		WebSession member = as(Role.MEMBER);

		assertThat(anonymous.get("/problem-book/" + closed.reference()).statusCode()).isEqualTo(404);
		assertThat(anonymous.getJson("/api/v1/problem-book/entries/" + closed.reference()).statusCode()).isEqualTo(404);
		assertThat(json(anonymous.getJson("/api/v1/problem-book/entries/" + closed.reference())).get("title").asString())
			.isEqualTo("Not found");
		List<String> anonymousPaths = new ArrayList<>(List.of("/problem-book", "/problem-book/mapping.csv",
				"/problem-book/mapping.json", "/api/v1/problem-book/entries", "/api/v1/problem-book/matrix"));
		shippedEntries().stream().filter(Document::isPublic).forEach(d -> {
			anonymousPaths.add("/problem-book/" + d.reference());
			anonymousPaths.add("/api/v1/problem-book/entries/" + d.reference());
		});
		for (String path : anonymousPaths) {
			HttpResponse<String> response = path.startsWith("/api/") ? anonymous.getJson(path) : anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).doesNotContain(closed.reference()).doesNotContainIgnoringCase("kestrel");
			membersTitles.forEach(title -> assertThat(response.body()).as(path).doesNotContain(title)
				.doesNotContain(title.replace("\"", "&quot;")));
		}

		assertThat(member.get("/problem-book/" + closed.reference()).statusCode()).isEqualTo(200);
		for (String path : List.of("/problem-book", "/problem-book/mapping.csv", "/problem-book/mapping.json",
				"/api/v1/problem-book/entries", "/api/v1/problem-book/entries/" + closed.reference())) {
			HttpResponse<String> response = path.startsWith("/api/") ? member.getJson(path) : member.get(path);
			assertThat(response.body()).as(path).contains(closed.reference());
		}
	}

	@Test
	void theExportsHaveOneRowPerEntryAndLevelInBothFormats() {
		WebSession member = as(Role.MEMBER);

		HttpResponse<String> csv = member.get("/problem-book/mapping.csv");
		JsonNode json = json(member.get("/problem-book/mapping.json"));
		JsonNode entries = json(member.getJson("/api/v1/problem-book/entries"));

		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("UTF-8");
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
			.contains("problem-book-mapping.csv");
		assertThat(csv.body()).startsWith("\uFEFF\"entry\",\"title\",\"themes\",\"level\",\"confidence\",\"rationale\",\"state\",\"updated\"\r\n");
		int expectedRows = 0;
		for (JsonNode entry : entries.get("entries")) {
			expectedRows += Math.max(1, entry.get("mapping").size());
		}
		assertThat(json.get("rows")).hasSize(expectedRows);
		assertThat(csvRecords(csv.body().substring(1))).hasSize(expectedRows + 1);
		JsonNode first = json.get("rows").get(0);
		for (String field : List.of("entry", "title", "url", "themes", "level", "confidence", "rationale", "state",
				"updated")) {
			assertThat(first.has(field)).as(field).isTrue();
		}
	}

	@Test
	void anEditorsDecisionIsRecordedShownInTheHistoryAndAudited() {
		Document open = shippedEntries().stream().filter(Document::isPublic).findFirst().orElseThrow();
		String level = open.levels().get(0);
		String rationale = "Agreed at the review with the handbook definition in mind " + System.nanoTime();
		WebSession editor = as(Role.EDITOR);
		long before = audit.count();

		HttpResponse<String> done = decide(editor, open.reference(), "agree", level, rationale);

		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/problem-book/" + open.reference());
		assertThat(audit.count()).isEqualTo(before + 1);
		assertThat(audit.page(1, 1).get(0).action()).isEqualTo("PROBLEM_BOOK_AGREE");
		String page = editor.get("/problem-book/" + open.reference()).body();
		assertThat(page).contains(rationale).contains("Test Editor")
			.contains("mapping?action=dispute&amp;level=" + level).doesNotContain("mapping?action=agree&amp;level=" + level);
		String anonymousPage = as(null).get("/problem-book/" + open.reference()).body();
		assertThat(anonymousPage).contains(rationale).contains("An editor").doesNotContain("Test Editor")
			.doesNotContain(accounts.user(Role.EDITOR));
		JsonNode api = json(as(null).getJson("/api/v1/problem-book/entries/" + open.reference()));
		assertThat(api.get("history").get(0).get("rationale").asString()).isEqualTo(rationale);
		assertThat(api.toString()).doesNotContain(accounts.user(Role.EDITOR));

		HttpResponse<String> refused = decide(editor, open.reference(), "agree", level, "Again");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("govuk-error-summary").contains("already agreed");
		HttpResponse<String> noToken = editor.postRaw("/problem-book/" + open.reference() + "/mapping",
				Map.of("action", "dispute", "level", level, "confidence", "low", "rationale", "No token"));
		assertThat(noToken.statusCode()).isEqualTo(403);
		assertThat(audit.count()).isEqualTo(before + 1);
	}

	@Test
	void disputingNeedsNoConfidenceAndContentFileProposalsReadAsSuch() {
		Document open = shippedEntries().stream().filter(Document::isPublic).filter(d -> d.levels().size() > 1)
			.skip(1).findFirst().orElseThrow();
		WebSession editor = as(Role.EDITOR);
		String before = as(null).get("/problem-book/" + open.reference()).body();
		assertThat(before).contains("Proposed in the content file, ").doesNotContain("by content files");

		String form = "/problem-book/" + open.reference() + "/mapping";
		assertThat(editor.get(form + "?action=dispute").body()).contains("Not needed to dispute a mapping");
		HttpResponse<String> disputed = editor.post(form, form, Map.of("action", "dispute", "level",
				open.levels().get(1), "rationale", "The evidence points elsewhere."));
		HttpResponse<String> agreedWithout = editor.post(form, form, Map.of("action", "agree", "level",
				open.levels().get(0), "rationale", "Agreed without saying how sure."));

		assertThat(disputed.statusCode()).isEqualTo(302);
		assertThat(editor.follow(disputed).body()).contains("The evidence points elsewhere.", "Not stated");
		assertThat(agreedWithout.statusCode()).isEqualTo(200);
		assertThat(agreedWithout.body()).contains("Choose how confident you are");
	}

	@Test
	void hostileOrMistypedInputNeverBreaksThePages() {
		WebSession editor = as(Role.EDITOR);
		for (String path : List.of("/problem-book/PB-999", "/problem-book/%3Cscript%3E", "/problem-book/PB-",
				"/problem-book/PB-0000000001", "/api/v1/problem-book/entries/nope", "/problem-book/PB-999/mapping",
				"/problem-book/PB-001/mapping?action=%00&level=%22%3E")) {
			int status = editor.get(path).statusCode();
			assertThat(status).as(path).isLessThan(500);
		}
		assertThat(editor.get("/problem-book/PB-999").statusCode()).isEqualTo(404);
		assertThat(editor.get("/problem-book/pb-001").statusCode()).isEqualTo(302);
		HttpResponse<String> nonsense = editor.post("/problem-book/PB-001/mapping", "/problem-book/PB-001/mapping",
				Map.of("action", "obliterate", "level", "<script>", "confidence", "total", "rationale", "x".repeat(5000)));
		assertThat(nonsense.statusCode()).isEqualTo(200);
		assertThat(nonsense.body()).contains("Choose what to do").contains("Choose a level")
			.contains("Choose how confident you are").contains("2000 characters or fewer").doesNotContain("<script>");
		HttpResponse<String> emptyEntry = editor.post("/problem-book/new", "/problem-book", Map.of("title", "   "));
		assertThat(emptyEntry.statusCode()).isEqualTo(200);
		assertThat(emptyEntry.body()).contains("Enter a title").contains("Choose at least one theme");
	}

	/** Splits CSV text into records, honouring quoted line breaks. */
	private static List<String> csvRecords(String text) {
		List<String> records = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			if (!quoted && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				records.add(current.toString());
				current.setLength(0);
				i++;
				continue;
			}
			current.append(c);
		}
		if (current.length() > 0) {
			records.add(current.toString());
		}
		return records;
	}
}
