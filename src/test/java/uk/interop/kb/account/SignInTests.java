package uk.interop.kb.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

@KbApplicationTest
class SignInTests {

	@LocalServerPort
	int port;

	private final TestAccounts accounts;
	private final AccountService service;
	private final AuditLog audit;

	@Autowired
	SignInTests(TestAccounts accounts, AccountService service, AuditLog audit) {
		this.accounts = accounts;
		this.service = service;
		this.audit = audit;
	}

	@Test
	void signingInStartsANewSessionAndSigningOutEndsIt() {
		WebSession web = new WebSession(port);
		web.get("/sign-in");
		String before = web.sessionId();

		HttpResponse<String> response = web.signIn(accounts.user(Role.MEMBER), TestAccounts.PASSWORD);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		assertThat(web.sessionId()).isNotEmpty().isNotEqualTo(before);
		assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.contains("JSESSIONID", "HttpOnly", "SameSite=Lax"));
		assertThat(web.get("/account").statusCode()).isEqualTo(200);
		assertThat(web.get("/account").body()).contains("member@test.example").doesNotContain("notification-banner");

		web.signOut();

		assertThat(web.get("/account").statusCode()).isEqualTo(302);
	}

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
		WebSession first = new WebSession(port);
		WebSession second = new WebSession(port);

		HttpResponse<String> wrong = first.signIn(accounts.user(Role.MEMBER), "not the password at all");
		HttpResponse<String> unknown = second.signIn("nobody-here@test.example", "not the password at all");

		assertThat(wrong.statusCode()).isEqualTo(302);
		assertThat(wrong.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
		String page = first.get("/sign-in?error").body();
		assertThat(page).contains("Enter a correct username and password");
	}

	@Test
	void repeatedFailuresLockTheAccountWithoutSayingSo() {
		String username = accounts.fresh("lockout", Role.MEMBER);
		WebSession web = new WebSession(port);
		for (int i = 0; i < 5; i++) {
			web.signIn(username, "wrong password number " + i);
		}

		HttpResponse<String> withRightPassword = web.signIn(username, TestAccounts.PASSWORD);

		assertThat(withRightPassword.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
			.endsWith("/sign-in?error"));
		assertThat(service.findByUsername(username).orElseThrow().lockedUntil()).isPresent();
		assertThat(audit.page(1, 20)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("SIGN_IN_FAILED");
			assertThat(e.target()).isEqualTo(username);
			assertThat(e.detail()).isEqualTo("LockedException");
		});
	}

	@Test
	void disablingAnAccountEndsItsSessionAtOnce() {
		String username = accounts.fresh("disabled", Role.MEMBER);
		WebSession user = new WebSession(port);
		user.signIn(username, TestAccounts.PASSWORD);
		assertThat(user.get("/account").statusCode()).isEqualTo(200);

		WebSession admin = new WebSession(port);
		admin.signIn(accounts.user(Role.ADMIN), TestAccounts.PASSWORD);
		long id = accounts.id(username);
		admin.post("/admin/users/" + id, "/admin/users/" + id + "/enabled", Map.of("enabled", "false"));

		assertThat(user.get("/account").statusCode()).isEqualTo(302);
		assertThat(new WebSession(port).signIn(username, TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error"));
		assertThat(audit.page(1, 50)).anySatisfy(e -> assertThat(e.action()).isEqualTo("ACCOUNT_DISABLED"));
	}

	@Test
	void formsWithoutACsrfTokenAreRefused() {
		WebSession web = new WebSession(port);
		assertThat(web.postRaw("/sign-in", Map.of("username", accounts.user(Role.MEMBER), "password",
				TestAccounts.PASSWORD)).statusCode()).isEqualTo(403);

		web.signIn(accounts.user(Role.MEMBER), TestAccounts.PASSWORD);
		assertThat(web.postRaw("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD)).statusCode())
			.isEqualTo(403);
		assertThat(web.postRaw("/sign-out", Map.of()).statusCode()).isEqualTo(403);
		assertThat(web.get("/account").statusCode()).isEqualTo(200);
	}

	@Test
	void changingYourPasswordKeepsThisSessionAndEndsOthers() {
		String username = accounts.fresh("changer", Role.MEMBER);
		WebSession here = new WebSession(port);
		WebSession elsewhere = new WebSession(port);
		here.signIn(username, TestAccounts.PASSWORD);
		elsewhere.signIn(username, TestAccounts.PASSWORD);

		HttpResponse<String> changed = here.post("/account/password", "/account/password", Map.of("currentPassword",
				TestAccounts.PASSWORD, "newPassword", "amber heron fountain", "confirmPassword",
				"amber heron fountain"));

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(here.get("/account").statusCode()).isEqualTo(200);
		assertThat(elsewhere.get("/account").statusCode()).isEqualTo(302);
		assertThat(new WebSession(port).signIn(username, "amber heron fountain").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void passwordChangeErrorsUseTheGovukPatternAndKeepNothingSecret() {
		WebSession web = new WebSession(port);
		web.signIn(accounts.user(Role.CONTRIBUTOR), TestAccounts.PASSWORD);

		HttpResponse<String> response = web.post("/account/password", "/account/password",
				Map.of("currentPassword", "wrong", "newPassword", "short", "confirmPassword", "short"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("There is a problem", "href=\"#currentPassword\"",
				"href=\"#newPassword\"", "Your current password is not correct", "12 characters or more",
				"<title>Error: ").doesNotContain("value=\"short\"");
	}

	@Test
	void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
		String username = "onetime-" + System.nanoTime() + "@test.example";
		service.create(username, "One time", "saffron bicycle quarry", Role.MEMBER, true);
		WebSession web = new WebSession(port);
		web.signIn(username, "saffron bicycle quarry");

		HttpResponse<String> elsewhere = web.get("/search");

		assertThat(elsewhere.statusCode()).isEqualTo(302);
		assertThat(elsewhere.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
			.endsWith("/account/password"));
		assertThat(web.get("/account/password").body()).contains("one-time password");
	}
}
