package uk.interop.kb.submission;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.Contributions;
import uk.interop.kb.support.HtmlForms;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Suggest a change" over real HTTP, as a contributor and an editor do it: from a published lesson's page, through
 * the same review as any submission with the diff against the published text, to a changed page with a history
 * line, or, for a file in {@code content/}, the file to commit.
 */
@KbApplicationTest
class SuggestChangeWebTests {

	private static final String FILE_LESSON = "lessons/a-cad-link-incident-codes-did-not-map";
	private static final Pattern SUBMISSION = Pattern.compile("/submissions/(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SubmissionService submissions;

	@Autowired
	SubmissionRepository repository;

	private WebSession as(Role role) {
		WebSession session = new WebSession(port);
		session.signIn(accounts.user(role), TestAccounts.PASSWORD);
		return session;
	}

	@Test
	void onlyContributorsAreOfferedItAndOnlyOnLessonsAndCaseStudies() {
		String page = "/documents/" + FILE_LESSON;
		assertThat(new WebSession(port).get(page).body()).doesNotContain("Suggest a change");
		assertThat(as(Role.MEMBER).get(page).body()).doesNotContain("Suggest a change");
		WebSession contributor = as(Role.CONTRIBUTOR);
		assertThat(contributor.get(page).body()).contains("href=\"/submissions/suggest?document=" + FILE_LESSON + "\"");
		assertThat(contributor.get("/documents/handbook/semantic").body()).doesNotContain("Suggest a change");
		assertThat(contributor.get("/submissions/suggest?document=handbook/semantic").statusCode()).isEqualTo(404);
		assertThat(contributor.get("/submissions/suggest?document=lessons/none-such").statusCode()).isEqualTo(404);
	}

	@Test
	void aChangeToAContentFileIsReviewedWithItsDiffAndAcceptedAsTheFileToCommit() throws Exception {
		Path file = Path.of("content", FILE_LESSON + ".md");
		String before = Files.readString(file);
		WebSession contributor = as(Role.CONTRIBUTOR);
		String form = contributor.get("/submissions/suggest?document=" + FILE_LESSON).body();
		assertThat(form).contains("Suggest a change", "What did you change?",
				"name=\"changes\" value=\"" + FILE_LESSON + "\"", "This page is kept in the content files");
		List<Map.Entry<String, String>> fields = HtmlForms.fields(form, "submission-form");
		String body = fields.stream().filter(f -> f.getKey().equals("body")).findFirst().orElseThrow().getValue();
		fields = HtmlForms.with(fields, "body", body.replace("switched the link off", "switched the link off after six weeks"));
		fields = HtmlForms.with(fields, "changeSummary", "Said how long the link ran");

		HttpResponse<String> saved = contributor.postFields("/submissions", fields);

		assertThat(saved.statusCode()).isEqualTo(302);
		String view = contributor.follow(saved).body();
		assertThat(view).contains("Suggested change", "Said how long the link ran",
				"content/" + FILE_LESSON + ".md", "What it changes on the published page", "after six weeks");
		long id = id(saved);
		Submission draft = repository.find(id).orElseThrow();
		HttpResponse<String> sent = contributor.post("/submissions/" + id, "/submissions/" + id + "/submit",
				Map.of("version", Integer.toString(draft.version())));
		assertThat(contributor.follow(sent).body()).contains("Submitted for review");

		WebSession editor = as(Role.EDITOR);
		assertThat(editor.get("/moderation").body()).contains("Suggested change: <span>Said how long the link ran</span>");
		String review = editor.get("/moderation/" + id).body();
		assertThat(review).contains("Review a suggested change", "Accept the change", "after six weeks");
		Submission submitted = repository.find(id).orElseThrow();
		HttpResponse<String> accepted = editor.post("/moderation/" + id, "/moderation/" + id + "/publish",
				Map.of("version", Integer.toString(submitted.version()), "noPersonalData", "true",
						"noSensitiveMaterial", "true", "consentToAttribute", "true"));

		String done = editor.follow(accepted).body();
		assertThat(done).contains("Accepted: download the file and commit it", "Accepted for the content files",
				"Download the changed file");
		HttpResponse<String> export = editor.get("/submissions/" + id + "/export.md");
		assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
			.contains("a-cad-link-incident-codes-did-not-map.md");
		assertThat(export.body()).contains("switched the link off after six weeks", "illustrative: true",
				"published: 2024-11-06", "authors:\n- Interop KB editors",
				"source: Invented for demonstration; describes no real organisation.",
				"updated: " + java.time.LocalDate.now(java.time.ZoneOffset.UTC))
			.doesNotContain("suggestions/");
		assertThat(Files.readString(file)).as("the app never writes content/").isEqualTo(before);
		Path tree = Files.createTempDirectory("suggested-change");
		Files.createDirectories(tree.resolve("lessons"));
		Files.writeString(tree.resolve(FILE_LESSON + ".md"), export.body());
		java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
		assertThat(uk.interop.kb.cli.Commands.validate(tree, Path.of("content/taxonomy"),
				new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8)))
			.as("the file to commit passes validate: " + printed).isZero();
		assertThat(editor.get("/moderation?status=ACCEPTED").body()).contains("1 submission, oldest first");
	}

	@Test
	void aPublishedChangeToADatabaseDocumentShowsAsLastUpdatedWithItsHistory() {
		KbUser author = user(accounts.user(Role.CONTRIBUTOR));
		KbUser editorUser = user(accounts.user(Role.EDITOR));
		Submission original = Contributions.published(submissions, author, editorUser, "Wombat registers",
				"wombatregisters", "public");
		String page = "/documents/" + original.documentId();
		assertThat(new WebSession(port).get(page).body()).doesNotContain("Last updated").doesNotContain("id=\"history\"");

		WebSession contributor = as(Role.CONTRIBUTOR);
		String form = contributor.get("/submissions/suggest?document=" + original.documentId()).body();
		assertThat(form).doesNotContain("kept in the content files");
		List<Map.Entry<String, String>> fields = HtmlForms.with(HtmlForms.fields(form, "submission-form"), "summary",
				"A corrected summary about wombatregisters.");
		fields = HtmlForms.with(fields, "changeSummary", "Corrected the summary");
		long id = id(contributor.postFields("/submissions", fields));
		contributor.post("/submissions/" + id, "/submissions/" + id + "/submit",
				Map.of("version", Integer.toString(repository.find(id).orElseThrow().version())));
		WebSession editor = as(Role.EDITOR);
		HttpResponse<String> published = editor.post("/moderation/" + id, "/moderation/" + id + "/publish",
				Map.of("version", Integer.toString(repository.find(id).orElseThrow().version()), "noPersonalData",
						"true", "noSensitiveMaterial", "true", "consentToAttribute", "true"));
		assertThat(editor.follow(published).body()).contains("Published: the document has changed");

		String after = new WebSession(port).get(page).body();
		String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
			.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
		assertThat(after).contains("A corrected summary about wombatregisters.", "Last updated", today,
				"href=\"#history\">see all updates</a>", "id=\"history\"", "Corrected the summary", "First published")
			.doesNotContain("Test Contributor</span> – Corrected");
	}

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	private KbUser user(String username) {
		return (KbUser) users.loadUserByUsername(username);
	}

	private static long id(HttpResponse<String> redirect) {
		Matcher matcher = SUBMISSION.matcher(redirect.headers().firstValue("Location").orElseThrow());
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1));
	}
}
