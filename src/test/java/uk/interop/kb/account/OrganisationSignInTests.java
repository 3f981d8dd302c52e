package uk.interop.kb.account;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;
import uk.interop.testidp.TestOpenIdProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with an organisation account against a real OpenID provider running in the test JVM
 * (Spring Authorization Server): the whole authorization-code flow over HTTP, through the provider's
 * own login form, back to the app's callback. Success, an unverified email, a domain not on the
 * allow-list, a disabled account, linking (and a second identity refused), and tampered state and nonce.
 */
@KbApplicationTest
class OrganisationSignInTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	AccountRepository repository;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	/** One person's browser: cookies for the app (localhost) and the provider (127.0.0.1) kept apart by host. */
	final class Browser {
		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();

		HttpResponse<String> get(String url) {
			return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
		}

		HttpResponse<String> post(String url, Map<String, String> fields) {
			String body = fields.entrySet().stream()
				.map(e -> URLEncoder(e.getKey()) + "=" + URLEncoder(e.getValue())).collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build());
		}

		/**
		 * Starts from the sign-in page's button, signs in at the provider, and returns the app's answer to
		 * the provider's redirect back (after {@code tamper} had a go at that redirect).
		 */
		HttpResponse<String> signIn(String username, UnaryOperator<String> tamper) {
			HttpResponse<String> start = get(app("/oauth2/authorization/test"));
			assertThat(start.statusCode()).isEqualTo(302);
			String authorize = location(start);
			assertThat(authorize).startsWith(TestOpenIdProvider.issuer() + "/oauth2/authorize");
			assertThat(authorize).contains("nonce=").contains("state=");
			HttpResponse<String> toLogin = get(authorize);
			String loginPage = get(absolute(location(toLogin), TestOpenIdProvider.issuer())).body();
			HttpResponse<String> signedIn = post(TestOpenIdProvider.issuer() + "/login", Map.of("username", username,
					"password", TestOpenIdProvider.PASSWORD, "_csrf", group(CSRF, loginPage)));
			HttpResponse<String> resumed = get(absolute(location(signedIn), TestOpenIdProvider.issuer()));
			String callback = location(resumed);
			assertThat(callback).startsWith(app("/login/oauth2/code/test?"));
			return get(tamper.apply(callback));
		}

		HttpResponse<String> signIn(String username) {
			return signIn(username, UnaryOperator.identity());
		}

		private HttpResponse<String> send(HttpRequest request) {
			try {
				return client.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private String app(String path) {
		return "http://localhost:" + port + path;
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " redirects").isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static String absolute(String location, String base) {
		return location.startsWith("http") ? location : base + location;
	}

	private static String URLEncoder(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("the provider's login form has a CSRF token").isTrue();
		return matcher.group(1);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private long audited(String action, String target) {
		return jdbc.sql("select count(*) from audit_event where action = :a and target = :t").param("a", action)
			.param("t", target).query(Long.class).single();
	}

	private String refusal(HttpResponse<String> answer) {
		String to = location(answer);
		assertThat(to).contains("/sign-in/refused?reason=");
		return to.substring(to.indexOf("reason=") + 7);
	}

	private KbUser admin() {
		return new KbUser(repository.findByUsername(testAccounts.user(Role.ADMIN)).orElseThrow(), false);
	}

	@Test
	void aVerifiedAddressInAnAllowedDomainGetsAMemberAccountAndSignsInToTheSameOneNextTime() {
		String username = unique("officer");
		String email = username + "@met.police.example";
		TestOpenIdProvider.person(new TestOpenIdProvider.Person(username, email, true, "Pat Officer", false));
		assertThat(new WebSession(port).get("/sign-in").body()).contains("Sign in with your police account")
			.contains("href=\"/oauth2/authorization/test\"");

		Browser browser = new Browser();
		HttpResponse<String> answer = browser.signIn(username);
		// Redirects are relative (server.tomcat.use-relative-redirects): the browser resolves them against the app.
		assertThat(location(answer)).isEqualTo("/").as("then the page they were on");
		String account = browser.get(app("/account")).body();
		assertThat(account).contains(email).contains("Pat Officer").contains("Member");
		Account created = repository.findByUsername(email).orElseThrow();
		assertThat(created.role()).isEqualTo(Role.MEMBER);
		assertThat(audited("SSO_ACCOUNT_CREATED", email)).isEqualTo(1);
		assertThat(audited("SIGN_IN_SSO", email)).isEqualTo(1);

		Browser later = new Browser();
		assertThat(location(later.signIn(username))).isEqualTo("/");
		assertThat(later.get(app("/account")).statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from account where username = :u").param("u", email).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(audited("SIGN_IN_SSO", email)).isEqualTo(2);
	}

	@Test
	void anUnverifiedAddressIsRefusedWithWhomToAsk() {
		String username = unique("unverified");
		String email = username + "@met.police.example";
		TestOpenIdProvider.person(new TestOpenIdProvider.Person(username, email, false, "Una Verified", false));
		Browser browser = new Browser();
		assertThat(refusal(browser.signIn(username))).isEqualTo("unverified");
		String page = browser.get(app("/sign-in/refused?reason=unverified")).body();
		assertThat(page).contains("did not confirm your email address").contains("the forum secretariat");
		assertThat(repository.findByUsername(email)).isEmpty();
		assertThat(browser.get(app("/account")).statusCode()).as("not signed in").isEqualTo(302);
	}

	@Test
	void aDomainNotOnTheAllowListIsRefused() {
		String username = unique("outsider");
		String email = username + "@supplier.example";
		TestOpenIdProvider.person(new TestOpenIdProvider.Person(username, email, true, "Out Sider", false));
		Browser browser = new Browser();
		assertThat(refusal(browser.signIn(username))).isEqualTo("domain");
		assertThat(browser.get(app("/sign-in/refused?reason=domain")).body()).contains("not set up to sign in here");
		assertThat(repository.findByUsername(email)).isEmpty();
		assertThat(audited("SSO_REFUSED", email)).isEqualTo(1);
	}

	@Test
	void aDisabledAccountStaysOut() {
		String username = unique("disabled");
		String email = username + "@met.police.example";
		long id = accounts.create(email, "Dis Abled", TestAccounts.PASSWORD, Role.MEMBER, false);
		accounts.setEnabled(admin(), id, false, "test");
		TestOpenIdProvider.person(new TestOpenIdProvider.Person(username, email, true, "Dis Abled", false));
		Browser browser = new Browser();
		assertThat(refusal(browser.signIn(username))).isEqualTo("disabled");
		assertThat(browser.get(app("/account")).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from account_identity where account_id = :id").param("id", id)
			.query(Long.class).single()).as("not linked either").isZero();
	}

	@Test
	void anExistingAccountIsLinkedByItsVerifiedAddressOnceAndASecondIdentityCannotTakeItOver() {
		String username = unique("linker");
		String email = username + "@forum.example";
		long id = accounts.create(email, "Lin Ker", TestAccounts.PASSWORD, Role.EDITOR, false);
		HttpResponse<String> password = new WebSession(port).signIn(email, TestAccounts.PASSWORD);
		assertThat(password.headers().firstValue("Location").orElseThrow())
			.as("forum.example requires organisation sign-in").endsWith("/sign-in?error=sso");
		assertThat(new WebSession(port).get("/sign-in?error=sso").body()).contains("Your organisation signs you in");

		TestOpenIdProvider.person(new TestOpenIdProvider.Person(username, email, true, "Lin Ker", false));
		Browser browser = new Browser();
		assertThat(location(browser.signIn(username))).isEqualTo("/");
		assertThat(browser.get(app("/account")).body()).contains(email).contains("Editor");
		assertThat(audited("SSO_LINKED", email)).isEqualTo(1);

		String impostor = unique("impostor");
		TestOpenIdProvider.person(new TestOpenIdProvider.Person(impostor, email, true, "Im Postor", false));
		Browser other = new Browser();
		assertThat(refusal(other.signIn(impostor))).isEqualTo("conflict");
		assertThat(other.get(app("/account")).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select subject from account_identity where account_id = :id").param("id", id)
			.query(String.class).list()).containsExactly(username);
	}

	@Test
	void aTamperedStateIsRefusedAndSignsNobodyIn() {
		String username = unique("state");
		String email = username + "@met.police.example";
		TestOpenIdProvider.person(new TestOpenIdProvider.Person(username, email, true, "State Tamper", false));
		Browser browser = new Browser();
		HttpResponse<String> answer = browser.signIn(username, callback -> callback.replaceAll("state=[^&]+",
				"state=forged-state"));
		assertThat(refusal(answer)).isEqualTo("failed");
		assertThat(browser.get(app("/account")).statusCode()).isEqualTo(302);
		assertThat(repository.findByUsername(email)).isEmpty();
	}

	@Test
	void anIdTokenWithTheWrongNonceIsRefused() {
		String username = unique("nonce");
		String email = username + "@met.police.example";
		TestOpenIdProvider.person(new TestOpenIdProvider.Person(username, email, true, "Non Ce", true));
		Browser browser = new Browser();
		assertThat(refusal(browser.signIn(username))).isEqualTo("failed");
		assertThat(browser.get(app("/account")).statusCode()).isEqualTo(302);
		assertThat(repository.findByUsername(email)).isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'SSO_FAILED' and detail like '%nonce%'")
			.query(Long.class).single()).isPositive();
	}
}
