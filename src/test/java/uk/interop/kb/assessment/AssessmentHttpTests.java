package uk.interop.kb.assessment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.content.Visibility;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-assessment over real HTTP in the whole app: taking one, the profile and its exports, organisations
 * kept apart on every route, editors limited to aggregates, the benchmark's minimum, lessons' uptake counts,
 * recommendations within the reader's audience, and a learned lesson coming back as a case study.
 */
@KbApplicationTest
class AssessmentHttpTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String SCRIPT = "<script>alert('evidence')</script>";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Recommendations recommendations;

	@Autowired
	Frameworks frameworks;

	@Autowired
	DocumentListing listing;

	private AssessmentJourney as(String username) {
		return new AssessmentJourney(port, username);
	}

	@Test
	void colleaguesTakeOneAssessmentTogetherAndGetAProfileWithAChartWhatToReadAndExports() {
		AssessmentJourney alice = as(accounts.freshIn("alice", Role.MEMBER, "humberside-police"));
		AssessmentJourney bob = as(accounts.freshIn("bob", Role.CONTRIBUTOR, "humberside-police"));
		String draft = alice.start("general");
		assertThat(bob.start("general")).as("a colleague opens the same draft").isEqualTo(draft);
		String first = draft + "/questions/sharing-agreements";

		HttpResponse<String> unanswered = alice.answer(first, "", "", "continue");
		assertThat(unanswered.statusCode()).isEqualTo(200);
		assertThat(unanswered.body()).contains("<title>Error: ").contains("There is a problem")
			.contains("Select how far your organisation has got");
		HttpResponse<String> later = alice.answer(first, "", "Our agreements register " + SCRIPT, "later");
		assertThat(later.statusCode()).isEqualTo(302);
		assertThat(AssessmentJourney.location(later)).isEqualTo(draft);
		assertThat(bob.web.get(first).body()).as("evidence kept for a colleague, escaped")
			.contains("Our agreements register &lt;script&gt;").doesNotContain(SCRIPT);

		bob.answerAll(draft, "2", "Seen in the register " + SCRIPT);
		String tasks = alice.web.get(draft).body();
		assertThat(tasks).contains("You have answered 13 of 13 questions").contains("Saved by Test Contributor");
		assertThat(alice.web.get(draft + "/check").body()).contains("Check your answers before submitting")
			.contains("2. Repeatable");
		assertThat(alice.web.get(draft + "/profile.csv").statusCode()).as("no profile before submitting")
			.isEqualTo(404);
		assertThat(alice.web.post(draft + "/check", draft + "/submit", Map.of()).statusCode()).isEqualTo(302);

		HttpResponse<String> profile = alice.web.get(draft);
		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.body()).contains("Assessment submitted").contains("<svg")
			.contains("role=\"img\"").contains("aria-labelledby=\"chart-title chart-desc\"")
			.contains("Organisational: 2.0 out of 5, Repeatable").contains("id=\"scores\"")
			.contains("Interop KB&#39;s proposal").contains("Weakest level").contains("What to read")
			.contains("Next step:").contains("/documents/handbook/organisational#how-to-recognise-where-you-stand")
			.contains("/problem-book/PB-004").doesNotContain(SCRIPT).doesNotContain("style=\"");
		assertThat(profile.headers().firstValue("Content-Security-Policy").orElse("")).doesNotContain("unsafe-inline");

		HttpResponse<String> csv = alice.web.get(draft + "/profile.csv");
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(csv.body()).contains("\"level\",\"level_score\"").contains("\"Organisational\",\"2.0\",\"Repeatable\"");
		assertThat(csv.body().lines().count()).isEqualTo(14);
		JsonNode json = JSON.readTree(alice.web.getJson(draft + "/profile.json").body());
		assertThat(json.get("framework").asString()).isEqualTo("general");
		assertThat(json.get("levels").get(0).get("score").asDouble()).isEqualTo(2.0);
		assertThat(json.get("levels").get(0).get("indicators").get(0).get("reading").get("documents")).isNotEmpty();
		assertThat(json.get("benchmark").get("enough").asBoolean()).isFalse();
		String briefing = alice.web.get(draft + "/profile.md").body();
		assertThat(briefing).startsWith("# Interop KB briefing: Interoperability maturity self-assessment")
			.contains("| Organisational | 2.0 | Repeatable |").contains("## Next steps and what to read")
			.contains("Too few organisations have submitted this framework to compare");
		assertThat(alice.web.get(draft + "/print").body()).contains("Printable profile").contains("<svg")
			.contains("Seen in the register &lt;script&gt;");
		assertThat(alice.web.get("/assessments/history/general").body()).contains("Score by level over time")
			.contains(draft)
			.containsPattern("<h1[^>]*>Interoperability maturity self-assessment</h1>")
			.contains("<title>History: Interoperability maturity self-assessment – Self-assessment – Interop KB</title>")
			.doesNotContain("th:text");
		assertThat(alice.web.get(first).statusCode()).as("a question of a submitted assessment leads to its profile")
			.isEqualTo(302);
		HttpResponse<String> closed = alice.web.post(draft, first, Map.of("step", "5", "revision", "2", "action",
				"continue"));
		assertThat(AssessmentJourney.location(closed)).isEqualTo(draft);
		assertThat(alice.web.follow(closed).body()).contains("can no longer change");
		assertThat(JSON.readTree(alice.web.getJson(draft + "/profile.json").body()).get("levels").get(0)
			.get("indicators").get(0).get("step").asInt()).isEqualTo(2);
	}

	@Test
	void anotherOrganisationEditorsAdminsAndMembersWithoutOneGetNotFoundOnEveryRoute() {
		AssessmentJourney owner = as(accounts.freshIn("owner", Role.MEMBER, "cps"));
		String submitted = owner.submitted("general", "3", "Secret evidence of the CPS team");
		String draft = owner.start("general");
		String action = owner.action(Map.of("title", "Private action of the CPS team", "owner", "Team",
				"status", "lesson-learned", "evidence", "Done"));
		long draftId = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
		long actionId = Long.parseLong(action.substring(action.lastIndexOf('/') + 1));
		List<String> pages = List.of(submitted, submitted + "/profile.csv", submitted + "/profile.json",
				submitted + "/profile.md", submitted + "/print", draft, draft + "/check",
				draft + "/questions/sharing-agreements", action, action + "/edit");
		Map<String, String> posts = new LinkedHashMap<>();
		posts.put(draft + "/questions/sharing-agreements", "step=1&revision=0");
		posts.put(draft + "/submit", "");
		posts.put(action, "title=Stolen&owner=x&status=identified&version=1");
		posts.put(action + "/case-study", "");

		List<String> outsiders = List.of(accounts.freshIn("other", Role.MEMBER, "police-scotland"),
				accounts.freshIn("editor", Role.EDITOR, "home-office"),
				accounts.freshIn("admin", Role.ADMIN, "ministry-of-justice"), accounts.fresh("lone", Role.CONTRIBUTOR));
		for (String outsider : outsiders) {
			WebSession web = as(outsider).web;
			for (String page : pages) {
				HttpResponse<String> response = web.get(page);
				assertThat(response.statusCode()).as(outsider + " GET " + page).isEqualTo(404);
				assertThat(response.body()).doesNotContain("Secret evidence").doesNotContain("Private action");
			}
			for (var post : posts.entrySet()) {
				Map<String, String> fields = new LinkedHashMap<>();
				for (String pair : post.getValue().split("&")) {
					if (!pair.isEmpty()) {
						fields.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
					}
				}
				assertThat(web.post("/assessments", post.getKey(), fields).statusCode()).as(outsider + " POST "
						+ post.getKey()).isEqualTo(404);
			}
			for (String api : List.of("/api/v1/assessments/" + draftId, "/api/v1/improvement-actions/" + actionId)) {
				assertThat(web.getJson(api).statusCode()).as(outsider + " " + api).isEqualTo(404);
			}
			String list = web.getJson("/api/v1/assessments").body() + web.getJson("/api/v1/improvement-actions").body()
					+ web.get("/assessments").body() + web.get("/assessments/actions").body();
			assertThat(list).doesNotContain("Private action").doesNotContain("/assessments/" + draftId + "\"");
		}
		assertThat(owner.web.get(action).body()).contains("Private action of the CPS team");
		assertThat(owner.web.get(action + "/edit").body()).contains("Private action of the CPS team");
		assertThat(jdbc.sql("select title from improvement_action where id = :id").param("id", actionId)
			.query(String.class).single()).isEqualTo("Private action of the CPS team");
		assertThat(jdbc.sql("select count(*) from assessment_answer where assessment_id = :id").param("id", draftId)
			.query(Long.class).single()).as("nobody outside answered the draft").isZero();
	}

	@Test
	void aMemberWithoutAnOrganisationIsToldWhyAndEditorsSeeOnlyAggregates() {
		String lone = accounts.fresh("lone", Role.MEMBER);
		WebSession loneWeb = as(lone).web;
		assertThat(loneWeb.get("/assessments").body()).contains("does not belong to an organisation");
		assertThat(loneWeb.get("/account").body()).contains("Not set");
		assertThat(loneWeb.post("/assessments", "/assessments", Map.of("framework", "general")).statusCode())
			.isEqualTo(404);
		assertThat(loneWeb.get("/assessments/insights").statusCode()).isEqualTo(403);
		for (String list : List.of("/assessments/actions", "/assessments/actions/new?lesson=lessons/x")) {
			assertThat(loneWeb.get(list).headers().firstValue("Location").orElse("")).as(list).endsWith("/assessments");
		}

		AssessmentJourney member = as(accounts.freshIn("aggregated", Role.MEMBER, "hmcts"));
		member.submitted("general", "4", "Evidence only HMCTS colleagues see");
		member.action(Map.of("title", "An action only HMCTS colleagues see", "owner", "Digital team", "status",
				"agreed"));
		WebSession editor = as(accounts.freshIn("aggregates", Role.EDITOR, "national-audit-office")).web;

		String insights = editor.get("/assessments/insights").body();

		assertThat(insights).contains("Self-assessment in aggregate").contains("Actions by status")
			.doesNotContain("Evidence only HMCTS").doesNotContain("An action only HMCTS")
			.doesNotContain("Courts and Tribunals").containsPattern("\\d+ organisations? ha(s|ve) submitted version 1.x");
		assertThat(editor.get("/assessments").body()).as("an editor's own organisation has nothing to show")
			.contains("Your organisation has not submitted an assessment yet");
	}

	@Test
	void theBenchmarkIsHiddenBelowFiveOrganisationsAndThenShowsOnlyCounts() {
		List<String> organisations = new ArrayList<>(List.of("cambridgeshire-constabulary", "cumbria-constabulary",
				"greater-manchester-police", "metropolitan-police-service", "british-transport-police",
				"scottish-police-authority"));
		String first = null;
		AssessmentJourney looking = null;
		List<String> evidence = new ArrayList<>();
		List<String> labels = List.of("Cambridgeshire Constabulary", "Cumbria Constabulary", "Greater Manchester Police",
				"Metropolitan Police Service", "British Transport Police", "Scottish Police Authority");
		for (int i = 0; submittedRms() < 5; i++) {
			AssessmentJourney member = as(accounts.freshIn("bench", Role.MEMBER, organisations.get(i)));
			String said = "Benchmark evidence number " + i;
			evidence.add(said);
			String profile = member.submitted("rms", Integer.toString(1 + i % 5), said);
			if (looking == null) {
				looking = member;
				first = profile;
			}
			String page = looking.web.get(first).body();
			if (submittedRms() < 5) {
				assertThat(page).contains("id=\"benchmark-too-few\"").doesNotContain("Organisations at each step");
				assertThat(JSON.readTree(looking.web.getJson(first + "/profile.json").body()).get("benchmark")
					.get("levels")).isEmpty();
			}
		}
		String page = looking.web.get(first).body();
		assertThat(page).contains("Organisations at each step, by level").doesNotContain("id=\"benchmark-too-few\"");
		for (int i = 1; i < evidence.size(); i++) {
			assertThat(page).doesNotContain(evidence.get(i)).doesNotContain(labels.get(i));
		}
		JsonNode benchmark = JSON.readTree(looking.web.getJson(first + "/profile.json").body()).get("benchmark");
		assertThat(benchmark.get("enough").asBoolean()).isTrue();
		assertThat(benchmark.get("levels")).hasSize(4);
		assertThat(benchmark.toString()).doesNotContain("constabulary").doesNotContain("police-");
	}

	private long submittedRms() {
		return jdbc.sql("select count(distinct organisation_id) from assessment where framework_id = 'rms' and status = 'SUBMITTED'")
			.query(Long.class).single();
	}

	@Test
	void recommendationsOnlyPointToWhatTheReaderMayRead() {
		boolean membersOnlyOffered = false;
		for (Framework framework : frameworks.all()) {
			for (Framework.Indicator indicator : framework.indicators()) {
				Recommendations.Reading forPublic = recommendations.forIndicator(framework, indicator, Audience.PUBLIC);
				Recommendations.Reading forMembers = recommendations.forIndicator(framework, indicator, Audience.MEMBERS);
				assertThat(forPublic.documents()).as(indicator.id()).allSatisfy(d -> {
					assertThat(d.document().visibility()).isEqualTo(Visibility.PUBLIC);
					assertThat(d.document().levels()).contains(indicator.level());
					assertThat(d.document().themes()).containsAnyElementsOf(indicator.themes());
					assertThat(d.document().type()).isIn("lesson", "case-study");
				});
				assertThat(forPublic.problems()).allSatisfy(e -> assertThat(e.isPublic()).isTrue());
				assertThat(forMembers.documents()).as(indicator.id()).isNotEmpty();
				membersOnlyOffered |= forMembers.documents().stream().anyMatch(d -> !d.document().isPublic());
			}
		}
		assertThat(membersOnlyOffered).as("members are offered members-only lessons where they match").isTrue();
	}

	@Test
	void aLessonPageShowsMembersHowManyOrganisationsActedWithoutNamingThem() {
		IndexedDocument lesson = listing.document("lessons/b-shared-systems-need-aligned-processes", Audience.PUBLIC)
			.orElseThrow();
		String before = as(accounts.freshIn("reader", Role.MEMBER, "college-of-policing")).web.get(lesson.url()).body();
		long[] counts = counts(before);

		as(accounts.freshIn("actor", Role.MEMBER, "college-of-policing")).action(Map.of("title", "Align processes",
				"owner", "Ops", "status", "lesson-learned", "evidence", "Aligned", "addLesson", lesson.url()));
		AssessmentJourney second = as(accounts.freshIn("actor", Role.MEMBER, "department-for-education"));
		second.action(Map.of("title", "Map our processes", "owner", "Ops", "status", "in-progress", "addLesson",
				"http://localhost:" + port + lesson.url()));
		second.action(Map.of("title", "Another on the same lesson", "owner", "Ops", "status", "identified",
				"addLesson", lesson.id()));

		String after = as(accounts.freshIn("reader", Role.MEMBER, "techuk")).web.get(lesson.url()).body();
		assertThat(counts(after)).containsExactly(counts[0] + 2, counts[1] + 1);
		assertThat(after).contains("Record an action on this for your organisation")
			.doesNotContain("College of Policing</").doesNotContain("Department for Education");
		String anonymous = new Http(port).page(lesson.url()).body();
		assertThat(anonymous).doesNotContain("id=\"uptake\"").doesNotContain("improvement action");
	}

	/** (organisations acting, reporting it learned) from a lesson page's uptake box. */
	private static long[] counts(String page) {
		var m = java.util.regex.Pattern.compile("(\\d+) organisations? ha(?:s|ve) recorded an improvement action on this; "
				+ "(\\d+) reports? it learned").matcher(page);
		if (m.find()) {
			return new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) };
		}
		assertThat(page).contains("No organisation has recorded an improvement action on this yet");
		return new long[] { 0, 0 };
	}

	@Test
	void theActionListFiltersByStatusAndLevelAndMarksOverdueActions() {
		AssessmentJourney member = as(accounts.freshIn("lists", Role.MEMBER, "ministry-of-justice"));
		member.action(Map.of("title", "Overdue one", "owner", "A", "status", "in-progress", "dueDay", "1", "dueMonth",
				"1", "dueYear", "2020", "addIndicator", "general:shared-vocabularies"));
		member.action(Map.of("title", "Done long ago", "owner", "B", "status", "implemented", "evidence", "Shipped",
				"dueDay", "1", "dueMonth", "1", "dueYear", "2020"));
		member.action(Map.of("title", "Future one", "owner", "C", "status", "agreed", "dueDay", "1", "dueMonth", "1",
				"dueYear", "2099", "addIndicator", "general:secure-connectivity"));

		String all = member.web.get("/assessments/actions").body();
		assertThat(all).contains("3 actions").contains("Overdue one").contains("Done long ago");
		assertThat(all.split("govuk-tag--red\">Overdue", -1)).as("only the unfinished past-due one").hasSize(2);
		assertThat(member.web.get("/assessments/actions?overdue=true").body()).contains("1 action")
			.contains("Overdue one").doesNotContain("Future one");
		assertThat(member.web.get("/assessments/actions?status=agreed&status=implemented").body())
			.contains("2 actions").doesNotContain("Overdue one");
		assertThat(member.web.get("/assessments/actions?level=foundational").body()).contains("1 action")
			.contains("Future one");
	}

	@Test
	void aBadActionIsShownAgainWithEveryErrorAndNothingLost() {
		AssessmentJourney member = as(accounts.freshIn("errors", Role.MEMBER, "ministry-of-justice"));
		HttpResponse<String> bad = member.web.post("/assessments/actions/new", "/assessments/actions", Map.of(
				"title", "", "details", "Kept details", "owner", "", "dueDay", "31", "dueMonth", "2", "dueYear", "2027",
				"status", "implemented", "addLesson", "/documents/lessons/no-such-lesson"));

		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("<title>Error: Record an action").contains("Enter what your organisation will do")
			.contains("Enter who owns the action").contains("Due date must be a real date")
			.contains("Enter the evidence that the action was carried out")
			.contains("Enter the address of a lesson or case study").contains("Kept details")
			.contains("href=\"#due\"");
		assertThat(member.web.post("/assessments/actions/new", "/assessments/actions", Map.of("title", "x", "owner",
				"y", "status", "agreed", "dueDay", "1")).body()).contains("Due date must include a month and a year");
	}

	@Test
	void aLearnedLessonOffersContributorsACaseStudyPrefilledFromTheAction() {
		String learned = "Template signed by all partners";
		AssessmentJourney member = as(accounts.freshIn("learner", Role.MEMBER, "npcc"));
		String action = member.action(Map.of("title", "Adopt one sharing template", "details", "Agree one template.",
				"owner", "IG", "status", "lesson-learned", "evidence", learned, "addIndicator",
				"general:sharing-agreements", "addLesson", "/documents/lessons/a-layered-dpia-and-sharing-agreement"));
		assertThat(member.web.get(action).body()).contains("Share what your organisation learned")
			.contains("Contributing needs the contributor role");
		assertThat(member.web.post(action, action + "/case-study", Map.of()).statusCode()).isEqualTo(409);

		AssessmentJourney contributor = as(accounts.freshIn("writer", Role.CONTRIBUTOR, "npcc"));
		HttpResponse<String> started = contributor.web.post(action, action + "/case-study", Map.of());
		assertThat(started.statusCode()).isEqualTo(302);
		String edit = AssessmentJourney.location(started);
		assertThat(edit).matches("/submissions/\\d+/edit");
		String form = contributor.web.get(edit).body();
		assertThat(form).contains("value=\"Case study: Adopt one sharing template\"").contains(learned)
			.contains("Self-assessment indicator: Information sharing agreements (Organisational)")
			.contains("/documents/lessons/a-layered-dpia-and-sharing-agreement");
		assertThat(AssessmentJourney.location(contributor.web.post(action, action + "/case-study", Map.of())))
			.as("asking again opens the same draft").isEqualTo(edit);
		assertThat(contributor.web.get(action).body()).contains("A case study has already been started");

		AssessmentJourney identified = as(accounts.freshIn("writer", Role.CONTRIBUTOR, "npcc"));
		String open = identified.action(Map.of("title", "Not learned yet", "owner", "IG", "status", "agreed"));
		assertThat(identified.web.get(open).body()).doesNotContain("Share what your organisation learned");
		assertThat(identified.web.post(open, open + "/case-study", Map.of()).statusCode()).isEqualTo(409);
	}

	@Test
	void theAccountPageAndTheAdminPagesShowAndSetTheOrganisation() {
		String username = accounts.fresh("placed", Role.MEMBER);
		WebSession admin = as(accounts.user(Role.ADMIN)).web;
		long id = accounts.id(username);

		HttpResponse<String> bad = admin.post("/admin/users/" + id, "/admin/users/" + id + "/organisation",
				Map.of("organisation", "not-an-organisation"));
		assertThat(admin.follow(bad).body()).contains("Select an organisation from the list");
		HttpResponse<String> set = admin.post("/admin/users/" + id, "/admin/users/" + id + "/organisation",
				Map.of("organisation", "hmics"));
		assertThat(admin.follow(set).body()).contains("Organisation changed").contains("value=\"hmics\" selected");
		assertThat(admin.get("/admin/users").body()).contains("HM Inspectorate of Constabulary in Scotland");
		assertThat(as(username).web.get("/account").body()).contains("HM Inspectorate of Constabulary in Scotland");
		assertThat(admin.get("/admin/audit").body()).contains("ORGANISATION_CHANGED");

		admin.post("/admin/users/" + id, "/admin/users/" + id + "/organisation", Map.of("organisation", ""));
		assertThat(as(username).web.get("/account").body()).contains("Not set");
	}
}
