package uk.interop.kb.account;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitations and password resets through the admin pages, then used (or refused) like a person would. */
@KbApplicationTest
class LinkTests {

	private static final Pattern LINK = Pattern.compile("id=\"one-time-link\"[^>]*value=\"http://localhost:\\d+(/[^\"]+)\"");

	@LocalServerPort
	int port;

	private final TestAccounts accounts;
	private final AccountRepository repository;
	private final uk.interop.kb.audit.AuditLog audit;

	@Autowired
	LinkTests(TestAccounts accounts, AccountRepository repository, uk.interop.kb.audit.AuditLog audit) {
		this.accounts = accounts;
		this.repository = repository;
		this.audit = audit;
	}

	private WebSession admin() {
		WebSession admin = new WebSession(port);
		admin.signIn(accounts.user(Role.ADMIN), TestAccounts.PASSWORD);
		return admin;
	}

	private String linkShownAfter(WebSession admin, HttpResponse<String> post) {
		String page = admin.get(post.headers().firstValue("Location").orElseThrow().replaceFirst("http://localhost:\\d+", ""))
			.body();
		Matcher matcher = LINK.matcher(page);
		assertThat(matcher.find()).as("the one-time link is shown").isTrue();
		return matcher.group(1);
	}

	@Test
	void anInvitationRegistersOnceWithItsRoleAndIsThenUsedUp() {
		WebSession admin = admin();
		String email = "invited-" + System.nanoTime() + "@test.example";
		String link = linkShownAfter(admin, admin.post("/admin/invitations/new", "/admin/invitations",
				Map.of("email", email, "role", "CONTRIBUTOR")));

		WebSession invitee = new WebSession(port);
		assertThat(invitee.get(link).body()).contains(email, "contributor");
		HttpResponse<String> registered = invitee.post(link, link, Map.of("displayName", "Invited Person",
				"newPassword", "copper meadow lighthouse", "confirmPassword", "copper meadow lighthouse"));

		assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
			.endsWith("/account"));
		// Signed in already: no second sign-in straight after choosing the password.
		HttpResponse<String> account = invitee.follow(registered);
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("Your account has been created and you are signed in", email,
				"Signed in as <span>Invited Person</span>");
		assertThat(repository.findByUsername(email).orElseThrow().role()).isEqualTo(Role.CONTRIBUTOR);
		assertThat(new WebSession(port).signIn(email, "copper meadow lighthouse").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

		HttpResponse<String> reused = new WebSession(port).get(link);
		assertThat(reused.statusCode()).isEqualTo(404);
		assertThat(reused.body()).contains("This link cannot be used");
	}

	@Test
	void theBannerNamesWhereTheInvitationWentAndPendingInvitationsCanBeListedAndRevoked() {
		WebSession admin = admin();
		String email = "pending-" + System.nanoTime() + "@test.example";
		HttpResponse<String> invited = admin.post("/admin/invitations/new", "/admin/invitations",
				Map.of("email", email, "role", "EDITOR"));
		String banner = admin.follow(invited).body();
		String link = LINK.matcher(banner).results().findFirst().orElseThrow().group(1);
		assertThat(invited.headers().firstValue("Location").orElseThrow()).endsWith("/admin/invitations");

		assertThat(banner).contains("Invitation emailed", "It went to <strong>" + email + "</strong>")
			.doesNotContain("Copy this invitation", "invitation for " + email + " link");
		String list = admin.get("/admin/invitations").body();
		assertThat(list).contains("Pending invitations", email, "Editor", "Test Administrator");
		java.util.regex.Matcher revoke = java.util.regex.Pattern
			.compile("(?s)action=\"(/admin/invitations/\\d+/revoke)\"((?!</form>).)*?the invitation for "
					+ java.util.regex.Pattern.quote(email))
			.matcher(list);
		assertThat(revoke.find()).as("a revoke button for " + email).isTrue();

		HttpResponse<String> revoked = admin.post("/admin/invitations", revoke.group(1), Map.of());

		assertThat(admin.follow(revoked).body()).contains("Invitation revoked: its link no longer works")
			.doesNotContain(">" + email + "<");
		assertThat(new WebSession(port).get(link).statusCode()).isEqualTo(404);
		assertThat(admin.follow(admin.post("/admin/invitations", revoke.group(1), Map.of())).body())
			.contains("That invitation had already been used or had ended");
		assertThat(audit.page(1, 20)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("INVITATION_REVOKED");
			assertThat(e.target()).isEqualTo(email);
		});
	}

	@Test
	void registrationErrorsKeepWhatWasTyped() {
		WebSession admin = admin();
		String link = linkShownAfter(admin, admin.post("/admin/invitations/new", "/admin/invitations",
				Map.of("email", "typo-" + System.nanoTime() + "@test.example", "role", "MEMBER")));

		HttpResponse<String> response = new WebSession(port).post(link, link, Map.of("displayName", "Kept Name",
				"newPassword", "copper meadow lighthouse", "confirmPassword", "different words here"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Passwords do not match", "value=\"Kept Name\"", "href=\"#confirmPassword\"");
	}

	@Test
	void tamperedAndExpiredLinksAreRefusedLikeUsedOnes() {
		WebSession admin = admin();
		String link = linkShownAfter(admin, admin.post("/admin/invitations/new", "/admin/invitations",
				Map.of("email", "tamper-" + System.nanoTime() + "@test.example", "role", "MEMBER")));
		String tampered = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");

		assertThat(new WebSession(port).get(tampered).statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).get("/register/" + "x".repeat(500)).statusCode()).isEqualTo(404);

		String token = LinkTokens.newToken();
		repository.insertLink(LinkTokens.hash(token), AccountLink.Purpose.INVITATION, null, "late@test.example",
				Role.MEMBER, accounts.id(accounts.user(Role.ADMIN)), Instant.now().minusSeconds(7200),
				Instant.now().minusSeconds(60));
		HttpResponse<String> expired = new WebSession(port).get("/register/" + token);
		assertThat(expired.statusCode()).isEqualTo(404);
		assertThat(expired.body()).contains("This link cannot be used");
	}

	@Test
	void anInvitationLinkCannotResetAPasswordNorTheOtherWayRound() {
		WebSession admin = admin();
		String invitation = linkShownAfter(admin, admin.post("/admin/invitations/new", "/admin/invitations",
				Map.of("email", "crossed-" + System.nanoTime() + "@test.example", "role", "MEMBER")));

		assertThat(new WebSession(port).get(invitation.replace("/register/", "/reset/")).statusCode()).isEqualTo(404);
	}

	@Test
	void aResetLinkSetsANewPasswordOnceAndEndsExistingSessions() {
		String username = accounts.fresh("reset", Role.MEMBER);
		WebSession user = new WebSession(port);
		user.signIn(username, TestAccounts.PASSWORD);
		WebSession admin = admin();
		long id = accounts.id(username);
		String link = linkShownAfter(admin, admin.post("/admin/users/" + id, "/admin/users/" + id + "/reset-link",
				Map.of()));

		HttpResponse<String> reset = new WebSession(port).post(link, link, Map.of("newPassword",
				"indigo walrus cathedral", "confirmPassword", "indigo walrus cathedral"));

		assertThat(reset.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?reset"));
		assertThat(user.get("/account").statusCode()).isEqualTo(302);
		assertThat(new WebSession(port).signIn(username, "indigo walrus cathedral").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		assertThat(new WebSession(port).get(link).statusCode()).isEqualTo(404);
	}

	@Test
	void theLastAdministratorCannotBeDemotedOrDisabled() {
		WebSession admin = admin();
		long adminId = accounts.id(accounts.user(Role.ADMIN));

		HttpResponse<String> self = admin.post("/admin/users/" + adminId, "/admin/users/" + adminId + "/enabled",
				Map.of("enabled", "false"));

		assertThat(admin.get(self.headers().firstValue("Location").orElseThrow().replaceFirst("http://localhost:\\d+", ""))
			.body()).contains("You cannot disable your own account");
		assertThat(repository.findById(adminId).orElseThrow().enabled()).isTrue();
	}
}
