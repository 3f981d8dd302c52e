package uk.interop.kb.browser;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.content.Document;
import uk.interop.kb.notification.UnsubscribeLinks;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RealContent;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page type, in each state a person can meet it in, audited in the browser: axe-core's
 * WCAG 2.0, 2.1 and 2.2 A and AA rules with zero violations at any impact, then the DOM checks in
 * {@link HtmlChecks}, then titles: two different pages never share a title, and a page in an error
 * state says so at the start of its title. Pages are ordered by who is signed in, so the one browser
 * signs in as few times as it can.
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class AccessibilityAuditTests {

	private static final Pattern ONE_TIME_LINK = Pattern
		.compile("id=\"one-time-link\"[^>]*value=\"http://localhost:\\d+(/[^\"]+)\"");

	/** Who the browser is signed in as for a visit. */
	enum As {
		ANYONE, MEMBER, MEMBER_WITHOUT_ORGANISATION, EDITOR, ADMIN
	}

	/** The organisation the audit's member belongs to: a stand-in, so no real organisation is named. */
	static final String ORGANISATION = "anonymised-police-force";

	/** Gets the browser to the page in the state to audit. */
	@FunctionalInterface
	interface Step {
		void open(Site site);
	}

	/** One page in one state: {@code page} names the page, so its states may share a title. */
	record Visit(String name, String page, As as, boolean error, Step step) {
		@Override
		public String toString() {
			return name;
		}
	}

	private static As signedInAs;
	private static String spareAccount;
	private static String loneMember;
	private static String submittedProfile;
	private static final Map<String, Visit> TITLES = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	private final TestAccounts accounts;
	private final UnsubscribeLinks unsubscribeLinks;

	@Autowired
	AccessibilityAuditTests(TestAccounts accounts, UnsubscribeLinks unsubscribeLinks) {
		this.accounts = accounts;
		this.unsubscribeLinks = unsubscribeLinks;
	}

	static Stream<Visit> visits() {
		List<Document> documents = RealContent.documents();
		Document lesson = documents.stream()
			.filter(d -> d.isPublic() && !d.illustrative() && !d.source().isEmpty() && d.type().equals("lesson"))
			.findFirst().orElseThrow();
		Document illustrative = documents.stream().filter(d -> d.isPublic() && d.illustrative()).findFirst()
			.orElseThrow();
		Document membersOnly = documents.stream().filter(d -> !d.isPublic()).findFirst().orElseThrow();
		return Stream.of(
				anyone("home", "home", "/"),
				anyone("search, empty", "search", "/search"),
				anyone("search with results", "search", "/search?q=interoperability"),
				anyone("search with filters ticked", "search",
						"/search?q=interoperability&level=semantic&level=foundational&theme=data-quality&sort=newest"),
				anyone("search, page 2", "search", "/search?page=2"),
				anyone("search with no results", "search", "/search?q=qqxqqzzv"),
				new Visit("search with an error", "search", As.ANYONE, true, s -> s.get("/search?q=" + "a".repeat(300))),
				anyone("document: handbook chapter", "document", "/documents/handbook/overview"),
				anyone("document: public lesson", "document", "/documents/" + lesson.id()),
				anyone("document: illustrative", "document", "/documents/" + illustrative.id()),
				anyone("level", "level", "/levels/semantic"),
				anyone("theme", "theme", "/themes/data-quality"),
				anyone("levels", "levels", "/levels"),
				anyone("themes", "themes", "/themes"),
				anyone("taxonomy", "taxonomy", "/taxonomy"),
				anyone("api", "api", "/api"),
				anyone("problem book matrix", "problem book", "/problem-book"),
				anyone("problem-book entry", "problem-book entry", "/problem-book/PB-001"),
				anyone("self-assessment frameworks", "frameworks", "/assessments/frameworks"),
				anyone("self-assessment framework", "framework", "/assessments/frameworks/rms"),
				anyone("sign in", "sign in", "/sign-in"),
				new Visit("sign in with an error", "sign in", As.ANYONE, true, s -> s.get("/sign-in?error")),
				anyone("sign in after registering", "sign in", "/sign-in?registered"),
				new Visit("sign in where the organisation signs you in", "sign in", As.ANYONE, true,
						s -> s.get("/sign-in?error=sso")),
				anyone("organisation sign-in refused", "sign in refused", "/sign-in/refused?reason=domain"),
				anyone("organisation sign-in failed", "sign in refused", "/sign-in/refused"),
				anyone("forgot password", "forgot password", "/forgot-password"),
				new Visit("forgot password with an error", "forgot password", As.ANYONE, true, s -> {
					s.get("/forgot-password");
					s.type("email", "not an address");
					s.press("Send reset link");
				}),
				new Visit("check your email", "check your email", As.ANYONE, false, s -> {
					s.get("/forgot-password");
					s.type("email", "audit-nobody@test.example");
					s.press("Send reset link");
				}),
				new Visit("unsubscribe", "unsubscribe", As.ANYONE, false, s -> s.get(s.unsubscribeLink())),
				new Visit("unsubscribed", "unsubscribed", As.ANYONE, false, s -> {
					s.get(s.unsubscribeLink());
					s.press("Unsubscribe");
				}),
				anyone("page not found (404)", "404", "/documents/no-such-document"),
				anyone("link that cannot be used", "link not usable", "/register/no-such-token"),
				new Visit("register", "register", As.ANYONE, false, s -> s.get(s.invitationLink())),
				new Visit("register with errors", "register", As.ANYONE, true, s -> {
					s.get(s.invitationLink());
					s.type("newPassword", "short");
					s.press("Create account");
				}),
				new Visit("reset password", "reset", As.ANYONE, false, s -> s.get(s.resetLink())),
				new Visit("reset password with errors", "reset", As.ANYONE, true, s -> {
					s.get(s.resetLink());
					s.press("Reset password");
				}),
				new Visit("document: members only", "document", As.MEMBER, false,
						s -> s.get("/documents/" + membersOnly.id())),
				new Visit("search as a member", "search", As.MEMBER, false, s -> s.get("/search?q=information")),
				new Visit("account", "account", As.MEMBER, false, s -> s.get("/account")),
				new Visit("change password", "change password", As.MEMBER, false, s -> s.get("/account/password")),
				new Visit("change password with errors", "change password", As.MEMBER, true, s -> {
					s.get("/account/password");
					s.type("newPassword", "short");
					s.press("Change password");
				}),
				new Visit("forbidden (403)", "403", As.MEMBER, false, s -> s.get("/admin/users")),
				new Visit("self-assessment", "self-assessment", As.MEMBER, false, s -> s.get("/assessments")),
				new Visit("assessment task list", "assessment tasks", As.MEMBER, false, s -> s.assessmentDraft()),
				new Visit("assessment question", "question", As.MEMBER, false, s -> {
					s.assessmentDraft();
					s.follow("Information sharing agreements");
				}),
				new Visit("assessment question with an error", "question", As.MEMBER, true, s -> {
					s.assessmentDraft();
					s.follow("Identity and access");
					s.press("Save and continue");
				}),
				new Visit("assessment question after a colleague's answer", "question", As.MEMBER, true, s -> {
					s.assessmentDraft();
					s.follow("Secure connectivity");
					s.colleagueAnswers("secure-connectivity");
					s.driver.findElement(By.cssSelector("label[for='step-2']")).click();
					s.press("Save and continue");
				}),
				new Visit("check answers", "check answers", As.MEMBER, false, s -> {
					s.assessmentDraft();
					s.follow("Check your answers and submit");
				}),
				new Visit("check answers with errors", "check answers", As.MEMBER, true, s -> {
					s.assessmentDraft();
					s.follow("Check your answers and submit");
					s.press("Submit assessment");
				}),
				new Visit("assessment profile", "profile", As.MEMBER, false, s -> s.get(s.submittedProfile())),
				new Visit("printable profile", "printable profile", As.MEMBER, false,
						s -> s.get(s.submittedProfile() + "/print")),
				new Visit("assessment history", "history", As.MEMBER, false, s -> {
					s.submittedProfile();
					s.get("/assessments/history/general");
				}),
				new Visit("record an action", "action form", As.MEMBER, false,
						s -> s.get("/assessments/actions/new?indicator=general:shared-vocabularies&lesson=lessons/b-common-data-libraries-first")),
				new Visit("record an action with errors", "action form", As.MEMBER, true, s -> {
					s.get("/assessments/actions/new");
					s.type("due", "31");
					s.press("Save action");
				}),
				new Visit("improvement action", "action", As.MEMBER, false, s -> s.get(s.action("agreed"))),
				new Visit("improvement action, lesson learned", "action", As.MEMBER, false,
						s -> s.get(s.action("lesson-learned"))),
				new Visit("change an action", "action form", As.MEMBER, false, s -> s.get(s.action("agreed") + "/edit")),
				new Visit("improvement actions", "actions", As.MEMBER, false, s -> {
					s.action("agreed");
					s.get("/assessments/actions");
				}),
				new Visit("improvement actions, filtered", "actions", As.MEMBER, false,
						s -> s.get("/assessments/actions?status=agreed&status=in-progress&overdue=true&level=semantic")),
				new Visit("case study not possible (409)", "not possible", As.MEMBER, false, s -> {
					// A member is not offered the button; the page is what a crafted or stale request meets.
					s.get(s.action("agreed"));
					s.postFromPage(s.driver.getCurrentUrl() + "/case-study");
				}),
				new Visit("document: lesson with its uptake", "document", As.MEMBER, false,
						s -> s.get("/documents/" + lesson.id())),
				new Visit("self-assessment without an organisation", "self-assessment", As.MEMBER_WITHOUT_ORGANISATION,
						false, s -> s.get("/assessments")),
				new Visit("email preferences", "email preferences", As.MEMBER, false, s -> s.get("/account/email")),
				new Visit("email preferences saved", "email preferences", As.MEMBER, false, s -> {
					s.get("/account/email");
					s.press("Save preferences");
				}),
				new Visit("save a search", "save a search", As.MEMBER, false,
						s -> s.get("/saved-searches/new?q=records&level=semantic")),
				new Visit("save a search with an error", "save a search", As.MEMBER, true, s -> {
					s.get("/saved-searches/new?q=records&level=semantic");
					s.type("name", "");
					s.press("Save search");
				}),
				new Visit("your saved searches", "saved searches", As.MEMBER, false, s -> {
					s.get("/saved-searches/new?q=records&level=semantic");
					s.press("Save search");
				}),
				new Visit("api tokens", "api tokens", As.MEMBER, false, s -> s.get("/account/tokens")),
				new Visit("api tokens with an error", "api tokens", As.MEMBER, true, s -> {
					s.get("/account/tokens");
					s.type("name", "");
					s.press("Create token");
				}),
				new Visit("api tokens with a new token", "api tokens", As.MEMBER, false, s -> {
					s.get("/account/tokens");
					s.type("name", "audit " + System.nanoTime());
					s.press("Create token");
				}),
				new Visit("your submissions", "submissions", As.EDITOR, false, s -> s.get("/submissions")),
				new Visit("new submission", "submission form", As.EDITOR, false, s -> s.get("/submissions/new")),
				new Visit("new submission with errors", "submission form", As.EDITOR, true, s -> {
					s.get("/submissions/new");
					s.press("Save and preview");
				}),
				new Visit("new submission with a file over 1 MB", "submission form", As.EDITOR, true, s -> {
					s.get("/submissions/new");
					s.upload(1_500_000);
				}),
				new Visit("upload the server refuses (413)", "413", As.EDITOR, false, s -> {
					s.get("/submissions/new");
					s.upload(12_000_000);
				}),
				new Visit("submission with preview", "submission", As.EDITOR, false, s -> s.submitted()),
				new Visit("submission edit", "submission form", As.EDITOR, false, s -> {
					s.draft();
					Browsers.andWaitForNewPage(s.driver, () -> s.driver.findElement(By.linkText("Edit")).click());
				}),
				new Visit("review queue", "review queue", As.EDITOR, false, s -> s.get("/moderation")),
				new Visit("review", "review", As.EDITOR, false, s -> {
					s.submitted();
					s.get(s.driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceAll("\\?.*", "")
						.replace("/submissions/", "/moderation/"));
				}),
				new Visit("review with errors", "review", As.EDITOR, true, s -> {
					s.submitted();
					s.get(s.driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceAll("\\?.*", "")
						.replace("/submissions/", "/moderation/"));
					s.press("Approve and publish");
				}),
				new Visit("problem-book review", "problem-book review", As.EDITOR, false,
						s -> s.get("/problem-book/review")),
				new Visit("problem-book decision", "problem-book decision", As.EDITOR, false,
						s -> s.get("/problem-book/PB-001/mapping")),
				new Visit("new problem-book entry", "new problem-book entry", As.EDITOR, false,
						s -> s.get("/problem-book/new")),
				new Visit("content health", "content health", As.EDITOR, false, s -> s.get("/content-health")),
				new Visit("search as an editor, due for review ticked", "search", As.EDITOR, false,
						s -> s.get("/search?review=due&level=semantic")),
				new Visit("search insights", "search insights", As.EDITOR, false, s -> {
					s.get("/search?q=zzqxv+nothing+matches+this");
					s.get("/search?q=data+quality");
					s.get("/search-insights");
				}),
				new Visit("search: corrected and suggested filters", "search", As.ANYONE, false,
						s -> s.get("/search?q=semantic+interoperabilty+examples")),
				new Visit("self-assessment in aggregate", "insights", As.EDITOR, false, s -> s.get("/assessments/insights")),
				new Visit("admin: users", "users", As.ADMIN, false, s -> s.get("/admin/users")),
				new Visit("admin: invite", "invite", As.ADMIN, false, s -> s.get("/admin/invitations/new")),
				new Visit("admin: invite with errors", "invite", As.ADMIN, true, s -> {
					s.get("/admin/invitations/new");
					s.type("email", "not an address");
					s.press("Create invitation link");
				}),
				new Visit("admin: users with a new invitation link", "users", As.ADMIN, false, s -> {
					s.get("/admin/invitations/new");
					s.type("email", "audit-" + System.nanoTime() + "@test.example");
					s.driver.findElement(By.cssSelector("label[for='role']")).click();
					s.press("Create invitation link");
				}),
				new Visit("admin: user", "user", As.ADMIN, false, s -> s.get("/admin/users/" + s.spareAccount())),
				new Visit("admin: user with a reset link", "user", As.ADMIN, false, s -> {
					s.get("/admin/users/" + s.spareAccount());
					s.press("Create a password reset link");
				}),
				new Visit("admin: audit log", "audit", As.ADMIN, false, s -> s.get("/admin/audit")),
				new Visit("admin: email delivery", "email delivery", As.ADMIN, false, s -> s.get("/admin/email")));
	}

	private static Visit anyone(String name, String page, String path) {
		return new Visit(name, page, As.ANYONE, false, s -> s.get(path));
	}

	@BeforeAll
	static void forgetWhoIsSignedIn() {
		signedInAs = null;
		submittedProfile = null;
		TITLES.clear();
	}

	@AfterAll
	static void signOut(WebDriver driver) {
		driver.manage().deleteAllCookies();
		signedInAs = null;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("visits")
	void everyPagePassesTheAudit(Visit visit, WebDriver driver) {
		Site site = new Site(driver, "http://localhost:" + port);
		signInAs(visit.as(), site);
		visit.step().open(site);

		List<Axe.Violation> violations = Axe.run(driver);
		List<String> problems = new ArrayList<>(HtmlChecks.problems(driver));
		problems.addAll(Reflow.problemsAt320(driver));
		String title = driver.getTitle();
		if (visit.error() != title.startsWith("Error: ")) {
			problems.add("title \"" + title + "\" should " + (visit.error() ? "" : "not ") + "start with \"Error: \"");
		}
		Visit earlier = TITLES.putIfAbsent(title.replaceFirst("^Error: ", ""), visit);
		if (earlier != null && !earlier.page().equals(visit.page())) {
			problems.add("title \"" + title + "\" is also the title of " + earlier.name());
		}

		String where = visit.name() + " (" + driver.getCurrentUrl() + ")";
		SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(violations).as(() -> "axe-core " + Axe.version() + " on " + where + ":\n"
					+ Axe.describe(visit.name(), violations)).isEmpty();
			softly.assertThat(problems).as("HTML checks on " + where).isEmpty();
		});
	}

	private void signInAs(As as, Site site) {
		if (as == signedInAs) {
			return;
		}
		site.driver.manage().deleteAllCookies();
		if (as != As.ANYONE) {
			site.get("/sign-in");
			site.type("username", username(as));
			site.type("password", TestAccounts.PASSWORD);
			site.press("Sign in");
			assertThat(site.driver.findElements(By.xpath("//button[normalize-space()='Sign out']"))).isNotEmpty();
		}
		signedInAs = as;
	}

	private String username(As as) {
		if (as == As.MEMBER_WITHOUT_ORGANISATION) {
			if (loneMember == null) {
				loneMember = accounts.fresh("audit-lone", Role.MEMBER);
			}
			return loneMember;
		}
		String username = accounts.user(Role.valueOf(as.name()));
		return as == As.MEMBER ? accounts.inOrganisation(username, ORGANISATION) : username;
	}

	/** What a step can do: open a path, fill a field, press a button, get a real one-time link. */
	final class Site {

		final WebDriver driver;
		private final String base;

		Site(WebDriver driver, String base) {
			this.driver = driver;
			this.base = base;
		}

		void get(String path) {
			driver.get(base + path);
		}

		/** Chooses a Markdown file of about {@code bytes} in the upload form and sends it. */
		void upload(int bytes) {
			try {
				java.nio.file.Path file = java.nio.file.Files.createTempFile("audit-upload", ".md");
				file.toFile().deleteOnExit();
				java.nio.file.Files.writeString(file, "---\ntitle: Audit upload\n---\n\n" + "a".repeat(bytes));
				driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
				press("Upload and fill the form");
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

		void type(String id, String text) {
			driver.findElement(By.id(id)).clear();
			driver.findElement(By.id(id)).sendKeys(text);
		}

		void press(String button) {
			Browsers.andWaitForNewPage(driver,
					() -> driver.findElement(By.xpath("//button[normalize-space()='" + button + "']")).click());
		}

		/** A complete submission, saved and submitted for review; the browser is left on its page. */
		void submitted() {
			draft();
			press("Submit for review");
		}

		/** A complete draft, saved; the browser is left on its page. */
		void draft() {
			get("/submissions/new");
			type("title", "Audit submission " + System.nanoTime());
			type("summary", "A complete submission for the accessibility audit.");
			for (String label : java.util.List.of("levels", "themes", "outcome")) {
				driver.findElement(By.cssSelector("label[for='" + driver.findElement(By.cssSelector(
						"input[name='" + label + "']")).getAttribute("id") + "']")).click();
			}
			type("body", "## What happened\n\nA shared register was agreed before any interface was built, "
					+ "and the partners reused it.\n\n## What we learned\n\nAgree first.");
			press("Save and preview");
		}

		/** Posts an empty form (with the page's CSRF token) to {@code url}, as a stale page would. */
		void postFromPage(String url) {
			Browsers.andWaitForNewPage(driver, () -> ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
					const form = document.createElement('form');
					form.method = 'post';
					form.action = arguments[0];
					const token = document.createElement('input');
					token.type = 'hidden';
					token.name = '_csrf';
					token.value = document.querySelector('input[name=_csrf]').value;
					form.appendChild(token);
					document.body.appendChild(form);
					form.submit();""", url));
		}

		/** Follows a link in the page's main content. */
		void follow(String text) {
			Browsers.andWaitForNewPage(driver, () -> driver.findElement(By.xpath("//main//a[normalize-space()='" + text
					+ "']")).click());
		}

		/** The member's organisation's open draft of the general framework; the browser is left on its task list. */
		void assessmentDraft() {
			get("/assessments");
			List<org.openqa.selenium.WebElement> open = driver.findElements(By.cssSelector("#framework-general a.govuk-button"));
			Browsers.andWaitForNewPage(driver, () -> (open.isEmpty() ? driver.findElement(By.cssSelector(
					"#framework-general button")) : open.get(0)).click());
		}

		/** A colleague in the same organisation saves an answer, over HTTP, while the browser has the question open. */
		void colleagueAnswers(String indicator) {
			String draft = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("/questions/.*", "");
			WebSession colleague = new WebSession(port);
			colleague.signIn(accounts.freshIn("audit-colleague", Role.MEMBER, ORGANISATION), TestAccounts.PASSWORD);
			String question = draft + "/questions/" + indicator;
			assertThat(colleague.post(question, question, Map.of("step", "4", "evidence", "A colleague's evidence",
					"revision", "0", "action", "continue")).statusCode()).isEqualTo(302);
		}

		/** A submitted assessment of the member's organisation, answered over HTTP by a colleague; its path. */
		String submittedProfile() {
			if (submittedProfile == null) {
				WebSession colleague = new WebSession(port);
				colleague.signIn(accounts.freshIn("audit-colleague", Role.MEMBER, ORGANISATION), TestAccounts.PASSWORD);
				String draft = colleague.post("/assessments", "/assessments", Map.of("framework", "general")).headers()
					.firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
				Matcher questions = Pattern.compile("href=\"(" + Pattern.quote(draft) + "/questions/[a-z-]+)\"")
					.matcher(colleague.get(draft).body());
				int i = 0;
				while (questions.find()) {
					String question = questions.group(1);
					Matcher revision = Pattern.compile("name=\"revision\" value=\"(\\d+)\"")
						.matcher(colleague.get(question).body());
					assertThat(revision.find()).isTrue();
					colleague.post(question, question, Map.of("step", i++ % 3 == 0 ? "not-known" : Integer.toString(1 + i % 5),
							"evidence", "Audit evidence", "revision", revision.group(1), "action", "continue"));
				}
				assertThat(colleague.post(draft + "/check", draft + "/submit", Map.of()).statusCode()).isEqualTo(302);
				submittedProfile = draft;
			}
			return submittedProfile;
		}

		/** An action of the member's organisation in this status, recorded over HTTP; its path. */
		String action(String status) {
			WebSession colleague = new WebSession(port);
			colleague.signIn(accounts.freshIn("audit-colleague", Role.MEMBER, ORGANISATION), TestAccounts.PASSWORD);
			return colleague.post("/assessments/actions/new", "/assessments/actions", Map.of("title",
					"Audit action " + status, "owner", "Audit team", "status", status, "evidence", "Audit evidence",
					"dueDay", "1", "dueMonth", "1", "dueYear", "2021", "addIndicator", "general:shared-vocabularies",
					"addLesson", "/documents/lessons/b-common-data-libraries-first"))
				.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		}

		/** An account for admin pages to show and reset, which no other test signs in with. */
		long spareAccount() {
			if (spareAccount == null) {
				spareAccount = accounts.fresh("audit", Role.MEMBER);
			}
			return accounts.id(spareAccount);
		}

		/** A real one-click unsubscribe link, as an alert carries (for a saved search that is not there). */
		String unsubscribeLink() {
			return unsubscribeLinks.forSavedSearch(accounts.id(accounts.user(Role.MEMBER)), 999_999)
				.replaceFirst("^http://localhost:\\d+", "");
		}

		/** A fresh invitation link, made the way an administrator makes one. */
		String invitationLink() {
			WebSession admin = admin();
			return shownLink(admin, admin.post("/admin/invitations/new", "/admin/invitations",
					Map.of("email", "audit-" + System.nanoTime() + "@test.example", "role", "MEMBER")));
		}

		/** A fresh password reset link for the spare account. */
		String resetLink() {
			WebSession admin = admin();
			long id = spareAccount();
			return shownLink(admin, admin.post("/admin/users/" + id, "/admin/users/" + id + "/reset-link", Map.of()));
		}

		private WebSession admin() {
			WebSession admin = new WebSession(port);
			admin.signIn(accounts.user(Role.ADMIN), TestAccounts.PASSWORD);
			return admin;
		}

		private String shownLink(WebSession admin, HttpResponse<String> post) {
			String page = admin.get(post.headers().firstValue("Location").orElseThrow()
				.replaceFirst("http://localhost:\\d+", "")).body();
			Matcher matcher = ONE_TIME_LINK.matcher(page);
			assertThat(matcher.find()).as("the one-time link is shown").isTrue();
			return matcher.group(1);
		}
	}
}
