package uk.interop.kb.submission;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.LessonForms;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The contribution pages over real HTTP, as a contributor and an editor use them. */
@KbApplicationTest
class SubmissionWebTests {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	private final TestAccounts accounts;

	@Autowired
	SubmissionWebTests(TestAccounts accounts) {
		this.accounts = accounts;
	}

	private WebSession signedIn(String username) {
		WebSession web = new WebSession(port);
		web.signIn(username, TestAccounts.PASSWORD);
		return web;
	}

	static Map<String, String> fields(String title, String body) {
		return LessonForms.fields(title, "A short summary.", body);
	}

	private static String group(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	@Test
	void theNewFormStartsWithTheLessonSectionsAndAOneTimeToken() {
		String html = signedIn(accounts.user(Role.CONTRIBUTOR)).get("/submissions/new").body();

		assertThat(html).contains("## What happened", "## What we learned", "## Recommendation", "## Evidence",
				"govuk-character-count", "name=\"formToken\"");
	}

	@Test
	void validationErrorsUseTheGovukPatternAndKeepEverythingTyped() {
		WebSession web = signedIn(accounts.user(Role.CONTRIBUTOR));
		Map<String, String> fields = fields("", "My carefully typed body text");
		fields.put("summary", "s".repeat(700));

		HttpResponse<String> response = web.post("/submissions/new", "/submissions", fields);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("There is a problem", "href=\"#title\"", "Enter a title",
				"href=\"#summary\"", "600 characters or fewer", "My carefully typed body text", "s".repeat(700),
				"<title>Error: ");
		assertThat(response.body()).containsPattern("value=\"semantic\" checked");
	}

	@Test
	void doublePostingTheSameFormLandsOnOneSubmission() {
		WebSession web = signedIn(accounts.user(Role.CONTRIBUTOR));
		String token = group(FORM_TOKEN, web.get("/submissions/new").body());
		Map<String, String> fields = fields("Double click lesson", "Body");
		fields.put("formToken", token);

		HttpResponse<String> first = web.post("/submissions/new", "/submissions", fields);
		HttpResponse<String> second = web.post("/submissions/new", "/submissions", fields);

		String location = first.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
		assertThat(second.headers().firstValue("Location").orElseThrow()).startsWith(location);
	}

	@Test
	void thePreviewShowsExactlyTheMetadataTheDocumentPageWillShow() {
		WebSession web = signedIn(accounts.user(Role.CONTRIBUTOR));
		Map<String, String> fields = new java.util.LinkedHashMap<>(fields("Preview like the page " + System.nanoTime(),
				"## What happened\n\nx\n\n## What we learned\n\nx\n\n## Recommendation\n\nx\n\n## Evidence\n\nx\n"));
		fields.put("sectors", "police");
		fields.put("barriers", "culture");
		fields.put("source", "https://www.gov.uk/government/publications/example");
		HttpResponse<String> created = web.post("/submissions/new", "/submissions", fields);
		String view = web.follow(created).body();
		String id = view.replaceAll("(?s).*href=\"/submissions/(\\d+)/edit\".*", "$1");
		web.post("/submissions/" + id, "/submissions/" + id + "/submit", Map.of("version", group(VERSION, view)));
		WebSession editor = signedIn(accounts.user(Role.EDITOR));
		String review = editor.get("/moderation/" + id).body();
		editor.post("/moderation/" + id, "/moderation/" + id + "/publish", Map.of("version", group(VERSION, review),
				"noPersonalData", "true", "noSensitiveMaterial", "true", "consentToAttribute", "true"));
		String preview = web.get("/submissions/" + id).body();
		String published = web.get(preview.replaceAll("(?s).*href=\"(/documents/[^\"]+)\">View the published page.*", "$1"))
			.body();

		String rows = metadata(published);
		assertThat(rows).contains(">Type<", ">Sector<", "href=\"/search?sector=police\"", ">Barriers<", ">Published<");
		assertThat(metadata(preview)).isEqualTo(rows);
		assertThat(preview).doesNotContain("exactly how it will look");
	}

	/** The document's metadata list: the first summary list after its summary paragraph. */
	private static String metadata(String html) {
		int start = html.indexOf("<dl class=\"govuk-summary-list\">", html.indexOf("govuk-body-l"));
		return html.substring(start, html.indexOf("</dl>", start));
	}

	@Test
	void thePreviewIsSanitisedLikeThePublishedPage() {
		WebSession web = signedIn(accounts.user(Role.CONTRIBUTOR));
		HttpResponse<String> created = web.post("/submissions/new", "/submissions", fields("Hostile preview",
				"## What happened\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n"));

		String page = web.follow(created).body();

		assertThat(page).contains("Preview").doesNotContain("<script>alert", "javascript:alert", "<img src=x");
		assertThat(page).contains("&lt;script&gt;");
	}

	@Test
	void anotherContributorsSubmissionIsNotFound() {
		WebSession owner = signedIn(accounts.user(Role.CONTRIBUTOR));
		String location = owner.post("/submissions/new", "/submissions", fields("Private draft", "Body"))
			.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "").replaceAll("\\?.*", "");

		WebSession stranger = signedIn(accounts.fresh("stranger", Role.CONTRIBUTOR));
		assertThat(stranger.get(location).statusCode()).isEqualTo(404);
		assertThat(stranger.get(location + "/export.md").statusCode()).isEqualTo(404);
		assertThat(signedIn(accounts.user(Role.EDITOR)).get(location).statusCode()).isEqualTo(200);
	}

	@Test
	void twoPeopleEditingTheSameDraftGetAConflictWithBothVersionsNotAnOverwrite() {
		WebSession owner = signedIn(accounts.user(Role.CONTRIBUTOR));
		String view = owner.post("/submissions/new", "/submissions", fields("Conflict lesson", "Original body"))
			.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "").replaceAll("\\?.*", "");
		String editPage = owner.get(view + "/edit").body();
		String version = group(VERSION, editPage);

		Map<String, String> first = fields("Conflict lesson", "First tab's body");
		first.put("version", version);
		assertThat(owner.post(view + "/edit", view, first).statusCode()).isEqualTo(302);

		Map<String, String> second = fields("Conflict lesson", "Second tab's body");
		second.put("version", version);
		HttpResponse<String> conflict = owner.post(view + "/edit", view, second);

		assertThat(conflict.statusCode()).isEqualTo(200);
		assertThat(conflict.body()).contains("Someone changed this submission after you opened it",
				"First tab&#39;s body", "Second tab&#39;s body");
		assertThat(owner.get(view).body()).contains("First tab&#39;s body").doesNotContain("Second tab&#39;s body");
	}

	@Test
	void uploadingAMarkdownFileFillsTheForm() {
		WebSession web = signedIn(accounts.user(Role.CONTRIBUTOR));
		String file = "---\ntitle: Uploaded lesson about tapirs\ntype: case-study\nsummary: From a file.\n"
				+ "levels: [foundational]\nthemes: [connectivity-infrastructure]\noutcome: mixed\n---\n\n## What happened\n\nTapirs.\n";

		HttpResponse<String> response = web.postFile("/submissions/new", "/submissions/import", "file", "tapirs.md", file);

		assertThat(response.statusCode()).isEqualTo(302);
		String edit = web.follow(response).body();
		assertThat(edit).contains("value=\"Uploaded lesson about tapirs\"", "Tapirs.");
		assertThat(edit).containsPattern("value=\"foundational\" checked");
		assertThat(edit).containsPattern("value=\"case-study\" checked");
	}

	@Test
	void anUnreadableUploadIsExplainedNotAnError() {
		WebSession web = signedIn(accounts.user(Role.CONTRIBUTOR));

		HttpResponse<String> response = web.postFile("/submissions/new", "/submissions/import", "file", "bad.md",
				"---\ntitle: [broken\n---\n");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("The file could not be read", "href=\"#file\"");
	}

	@Test
	void similarLessonsAreOfferedWhileTyping() {
		String fragment = signedIn(accounts.user(Role.CONTRIBUTOR))
			.get("/submissions/similar?title=records+management+system+migration&summary=").body();

		assertThat(fragment).contains("Similar lessons already in the library", "href=\"/documents/");
		assertThat(fragment.toLowerCase()).doesNotContain("kestrel");
	}

	@Test
	void theReviewPageShowsTheDiffAgainstThePreviousRevision() {
		WebSession owner = signedIn(accounts.user(Role.CONTRIBUTOR));
		String view = owner.post("/submissions/new", "/submissions", fields("Diff lesson", "Line one\n\nOld line"))
			.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "").replaceAll("\\?.*", "");
		Map<String, String> edited = fields("Diff lesson", "Line one\n\nNew line");
		edited.put("version", group(VERSION, owner.get(view + "/edit").body()));
		owner.post(view + "/edit", view, edited);

		String review = signedIn(accounts.user(Role.EDITOR)).get(view.replace("/submissions/", "/moderation/")).body();

		assertThat(review).contains("Changes since the previous revision", "kb-diff__removed", "Old line",
				"kb-diff__added", "New line");
	}
}
