package uk.interop.kb.notification;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.problembook.MappingEditor;
import uk.interop.kb.search.Audience;
import uk.interop.kb.submission.Submission;
import uk.interop.kb.submission.SubmissionService;
import uk.interop.kb.support.Contributions;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.TestMail;
import uk.interop.kb.support.TestMail.Mail;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of message, sent through the real outbox and SMTP to GreenMail: who gets it, its
 * subject, that its links work when followed over HTTP, and that optional kinds carry a one-click
 * unsubscribe (RFC 8058) that works without signing in while account messages carry none.
 */
@KbApplicationTest
class EmailMessagesTests {

	private static final SubmissionService.RedactionChecklist CHECKED = Contributions.CHECKED;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	SubmissionService submissions;

	@Autowired
	MappingEditor mappings;

	@Autowired
	ReviewBatcher batcher;

	@Autowired
	JdbcClient jdbc;

	private WebSession signedIn(String username) {
		WebSession web = new WebSession(port);
		assertThat(web.signIn(username, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
		return web;
	}

	private KbUser user(String username) {
		return (KbUser) users.loadUserByUsername(username);
	}

	private HttpResponse<String> follow(String link) {
		assertThat(link).startsWith("http://localhost:" + port + "/");
		return new Http(port).page(link.substring(("http://localhost:" + port).length()));
	}

	private long written(String recipient, EmailKind kind) {
		return jdbc.sql("select count(*) from outbox_message where recipient = :r and kind = :k").param("r", recipient)
			.param("k", kind.name()).query(Long.class).single();
	}

	private static void accountMessage(Mail mail) throws jakarta.mail.MessagingException {
		assertThat(mail.header("List-Unsubscribe")).as("account messages are not optional").isEmpty();
		assertThat(mail.html()).as("an HTML part").contains("<a ");
		assertThat(mail.raw().getContentType()).startsWith("multipart/alternative");
	}

	@Test
	void anInvitationCarriesARegistrationLinkThatWorks() throws Exception {
		WebSession admin = signedIn(accounts.user(Role.ADMIN));
		String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
		assertThat(admin.post("/admin/invitations/new", "/admin/invitations", Map.of("email", invitee, "role", "CONTRIBUTOR"))
			.statusCode()).isEqualTo(302);

		Mail mail = TestMail.awaitSubject(invitee, "invited");
		assertThat(mail.subject()).isEqualTo("You're invited to Interop KB");
		assertThat(mail.text()).contains("as a contributor").contains("Test Administrator");
		accountMessage(mail);
		assertThat(mail.raw().getFrom()[0].toString()).contains("no-reply@interop-kb.test");
		String link = mail.link("/register/");
		assertThat(mail.html()).contains("href=\"" + link + "\"");
		HttpResponse<String> page = follow(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(invitee);
		assertThat(TestMail.to(invitee)).hasSize(1);
	}

	@Test
	void forgotPasswordEmailsAWorkingResetLinkAndAnswersTheSameForAnUnknownAddress() throws Exception {
		String member = accounts.fresh("forgetful", Role.MEMBER);
		WebSession anonymous = new WebSession(port);
		HttpResponse<String> known = anonymous.post("/forgot-password", "/forgot-password", Map.of("email", member));
		assertThat(known.statusCode()).isEqualTo(302);
		assertThat(known.headers().firstValue("Location").orElseThrow()).endsWith("/forgot-password/sent");
		String knownPage = anonymous.follow(known).body();
		String unknownAddress = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
		HttpResponse<String> unknown = anonymous.post("/forgot-password", "/forgot-password",
				Map.of("email", unknownAddress));
		assertThat(unknown.headers().firstValue("Location")).isEqualTo(known.headers().firstValue("Location"));
		String unknownPage = anonymous.follow(unknown).body();
		assertThat(unknownPage.replace(unknownAddress, "ADDRESS").replaceAll("(value|nonce)=\"[^\"]+\"", ""))
			.as("the same answer whether or not the address has an account")
			.isEqualTo(knownPage.replace(member, "ADDRESS").replaceAll("(value|nonce)=\"[^\"]+\"", ""));

		Mail mail = TestMail.awaitSubject(member, "Reset your Interop KB password");
		accountMessage(mail);
		assertThat(mail.text()).contains("someone asked to reset the password");
		String link = mail.link("/reset/");
		assertThat(follow(link).statusCode()).isEqualTo(200);
		String path = URI.create(link).getPath();
		HttpResponse<String> reset = anonymous.post(path, path,
				Map.of("newPassword", "a brand new passphrase 77", "confirmPassword", "a brand new passphrase 77"));
		assertThat(reset.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?reset");
		assertThat(new WebSession(port).signIn(member, "a brand new passphrase 77").headers().firstValue("Location")
			.orElseThrow()).doesNotContain("error");
		assertThat(follow(link).statusCode()).as("a used link").isEqualTo(404);
		Mail changed = TestMail.awaitSubject(member, "password was changed");
		accountMessage(changed);
		assertThat(changed.link("/forgot-password")).isNotBlank();
		Thread.sleep(300);
		assertThat(TestMail.to(unknownAddress)).isEmpty();
	}

	@Test
	void resetLinksAreLimitedPerAccountWhateverThePageSays() {
		String member = accounts.fresh("impatient", Role.MEMBER);
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> answer = new WebSession(port).post("/forgot-password", "/forgot-password",
					Map.of("email", member));
			assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/forgot-password/sent");
		}
		assertThat(written(member, EmailKind.PASSWORD_RESET)).isEqualTo(3);
	}

	@Test
	void aBadAddressOnTheForgotPasswordFormIsAClearErrorThatKeepsWhatWasTyped() {
		HttpResponse<String> answer = new WebSession(port).post("/forgot-password", "/forgot-password",
				Map.of("email", "not an address"));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("govuk-error-summary").contains("Enter an email address in the correct format")
			.contains("value=\"not an address\"");
	}

	@Test
	void passwordRoleAndAccessChangesEachTellTheAccountHolder() throws Exception {
		String member = accounts.fresh("changing", Role.MEMBER);
		WebSession self = signedIn(member);
		assertThat(self.post("/account/password", "/account/password", Map.of("currentPassword", TestAccounts.PASSWORD,
				"newPassword", "another long passphrase 9", "confirmPassword", "another long passphrase 9"))
			.statusCode()).isEqualTo(302);
		accountMessage(TestMail.awaitSubject(member, "password was changed"));

		WebSession admin = signedIn(accounts.user(Role.ADMIN));
		long id = accounts.id(member);
		String page = "/admin/users/" + id;
		admin.post(page, page + "/role", Map.of("role", "EDITOR"));
		Mail role = TestMail.awaitSubject(member, "role has changed");
		accountMessage(role);
		assertThat(role.text()).contains("from Member to Editor");
		assertThat(follow(role.link("/sign-in")).statusCode()).isEqualTo(200);

		admin.post(page, page + "/enabled", Map.of("enabled", "false"));
		Mail disabled = TestMail.awaitSubject(member, "has been disabled");
		accountMessage(disabled);
	}

	private Submission submitted(KbUser contributor, String word) {
		return Contributions.submitted(submissions, contributor, "Lesson about " + word, word, "public");
	}

	@Test
	void theContributorHearsOfEachStepWithTheEditorsCommentAndEditorsGetOneBatch() throws Exception {
		String contributorName = accounts.fresh("contributor", Role.CONTRIBUTOR);
		KbUser contributor = user(contributorName);
		KbUser editor = user(accounts.user(Role.EDITOR));
		String reviewer = accounts.fresh("reviewer", Role.EDITOR);
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");

		Submission first = submitted(contributor, word);
		Mail received = TestMail.awaitSubject(contributorName, "We've received your submission");
		assertThat(received.text()).contains("Lesson about " + word);
		assertThat(received.header("List-Unsubscribe").orElseThrow()).startsWith("<http://localhost:" + port + "/unsubscribe/");
		assertThat(received.header("List-Unsubscribe-Post")).contains("List-Unsubscribe=One-Click");
		String view = received.link("/submissions/" + first.id());
		assertThat(follow(view).statusCode()).as("the submission link asks the contributor to sign in").isEqualTo(302);
		assertThat(signedIn(contributorName).get(URI.create(view).getPath()).statusCode()).isEqualTo(200);

		Submission changes = submissions.requestChanges(editor, first.id(), first.version(),
				"Please cite the inspection report <b>by name</b>.", "test").submission().orElseThrow();
		Mail asked = TestMail.awaitSubject(contributorName, "Changes requested: Lesson about " + word);
		assertThat(asked.text()).contains("Please cite the inspection report <b>by name</b>.").contains("Test Editor");
		assertThat(asked.html()).as("the comment is escaped").contains("&lt;b&gt;by name&lt;/b&gt;")
			.doesNotContain("<b>by name</b>");

		Submission again = submissions.submit(contributor, changes.id(), changes.version(), "test").submission()
			.orElseThrow();
		submissions.publish(editor, again.id(), again.version(), CHECKED, "test");
		Mail published = TestMail.awaitSubject(contributorName, "Published: Lesson about " + word);
		HttpResponse<String> document = follow(published.link("/documents/"));
		assertThat(document.statusCode()).as("the published lesson, for anyone").isEqualTo(200);
		assertThat(document.body()).contains("Lesson about " + word);
		Submission live = submissions.visible(editor, first.id());
		submissions.withdraw(editor, live.id(), live.version(), "Superseded by the 2027 review.", "test");
		assertThat(TestMail.awaitSubject(contributorName, "Withdrawn: Lesson about " + word).text())
			.contains("Superseded by the 2027 review.");

		Submission second = submitted(contributor, word + "b");
		submissions.reject(editor, second.id(), second.version(), "Out of the forum's scope.", "test");
		assertThat(TestMail.awaitSubject(contributorName, "Not accepted: Lesson about " + word + "b").text())
			.contains("Out of the forum's scope.");

		// The scheduled batcher may announce these first: whichever batch does, each is announced once.
		batcher.sendDue(Instant.now().plus(Duration.ofHours(1)));
		List<Mail> waiting = awaitAll(reviewer, "waiting for review", "Lesson about " + word + " (from Test Contributor)",
				"Lesson about " + word + "b (from Test Contributor)");
		assertThat(follow(waiting.get(0).link("/moderation")).statusCode()).isEqualTo(302);
		batcher.sendDue(Instant.now().plus(Duration.ofHours(1)));
		assertThat(TestMail.to(reviewer).stream().filter(m -> m.text().contains("Lesson about " + word + " (from")))
			.as("announced once").hasSize(1);
	}

	/** Waits until the messages to {@code address} with this subject, together, contain every text. */
	private static List<Mail> awaitAll(String address, String subject, String... texts) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (true) {
			List<Mail> mails = TestMail.to(address).stream().filter(m -> m.subject().contains(subject)).toList();
			boolean all = java.util.Arrays.stream(texts).allMatch(t -> mails.stream().anyMatch(m -> m.text().contains(t)));
			if (all || Instant.now().isAfter(deadline)) {
				for (String text : texts) {
					assertThat(mails).as(text).anyMatch(m -> m.text().contains(text));
				}
				return mails;
			}
			Thread.sleep(50);
		}
	}

	@Test
	void oneClickUnsubscribeWorksWithoutSigningInAndStopsThatKindOnly() throws Exception {
		String contributorName = accounts.fresh("unsubscriber", Role.CONTRIBUTOR);
		KbUser contributor = user(contributorName);
		KbUser editor = user(accounts.user(Role.EDITOR));
		Submission first = submitted(contributor, "unsubscribe" + UUID.randomUUID().toString().substring(0, 4));
		submissions.reject(editor, first.id(), first.version(), "Not this time.", "test");
		Mail outcome = TestMail.awaitSubject(contributorName, "Not accepted");
		String url = outcome.unsubscribeUrl();
		assertThat(outcome.link("/unsubscribe/")).isEqualTo(url);

		HttpResponse<String> asks = follow(url);
		assertThat(asks.statusCode()).isEqualTo(200);
		assertThat(asks.body()).contains("emails about decisions on your contributions");
		assertThat(outcome.oneClickUnsubscribe("x").statusCode()).as("a tampered link").isEqualTo(404);
		HttpResponse<String> oneClick = outcome.oneClickUnsubscribe("");
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(oneClick.body()).contains("You've unsubscribed");

		Submission second = submitted(contributor, "unsubscribed" + UUID.randomUUID().toString().substring(0, 4));
		submissions.reject(editor, second.id(), second.version(), "Still not.", "test");
		assertThat(written(contributorName, EmailKind.SUBMISSION_OUTCOME)).as("no more decisions").isEqualTo(1);
		assertThat(written(contributorName, EmailKind.SUBMISSION_RECEIVED)).as("other kinds carry on").isEqualTo(2);
		String preferences = signedIn(contributorName).get("/account/email").body();
		assertThat(preferences).containsPattern("id=\"kind-SUBMISSION_OUTCOME\" value=\"SUBMISSION_OUTCOME\"(?! checked)")
			.containsPattern("id=\"kind-SUBMISSION_RECEIVED\"[^>]*checked");
	}

	@Test
	void thePreferencesPageTurnsOptionalKindsOffAndOnAgain() {
		String contributorName = accounts.fresh("chooser", Role.CONTRIBUTOR);
		WebSession web = signedIn(contributorName);
		assertThat(web.post("/account/email", "/account/email", Map.of("kind", "SUBMISSION_OUTCOME")).statusCode())
			.isEqualTo(302);
		submitted(user(contributorName), "prefs" + UUID.randomUUID().toString().substring(0, 4));
		assertThat(written(contributorName, EmailKind.SUBMISSION_RECEIVED)).isZero();
		web.post("/account/email", "/account/email", Map.of("kind", "SUBMISSION_RECEIVED"));
		submitted(user(contributorName), "prefs" + UUID.randomUUID().toString().substring(0, 4));
		assertThat(written(contributorName, EmailKind.SUBMISSION_RECEIVED)).isEqualTo(1);
	}

	@Test
	void aDisputedMappingTellsTheOtherEditorsButNotTheOneWhoDisputed() {
		String disputer = accounts.fresh("disputer", Role.EDITOR);
		String colleague = accounts.fresh("colleague", Role.EDITOR);
		MappingEditor.Editor by = new MappingEditor.Editor(disputer, "Dee Disputer");
		MappingEditor.Outcome created = mappings.create(by, new MappingEditor.NewEntry("Shared identifiers for "
				+ UUID.randomUUID().toString().substring(0, 6), "Forces use different person identifiers.",
				"No common person identifier exists across forces.", List.of("data-quality"), "public"), "test");
		String reference = created.reference();
		assertThat(mappings.decide(by, reference, new MappingEditor.Decision("propose", "semantic", "medium",
				"Codes differ."), Audience.MEMBERS, "test").done()).isTrue();
		assertThat(mappings.decide(by, reference, new MappingEditor.Decision("dispute", "semantic", "low",
				"It is organisational: nobody owns the codes."), Audience.MEMBERS, "test").done()).isTrue();

		Mail mail = TestMail.awaitSubject(colleague, "Mapping disputed: " + reference);
		assertThat(mail.text()).contains("Dee Disputer").contains("It is organisational: nobody owns the codes.");
		assertThat(mail.header("List-Unsubscribe")).isPresent();
		assertThat(follow(mail.link("/problem-book/" + reference + "/mapping")).statusCode()).isEqualTo(302);
		assertThat(signedIn(colleague).get("/problem-book/" + reference + "/mapping").statusCode()).isEqualTo(200);
		assertThat(written(disputer, EmailKind.MAPPING_DISPUTED)).isZero();
	}
}
