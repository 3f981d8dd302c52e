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
import uk.interop.kb.support.FailingDatabase;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A database that refuses writes (a full disk) while someone saves: a clear message, and nothing typed is lost. */
@KbApplicationTest
class SaveFailureWebTests {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	private final TestAccounts accounts;
	private final FailingDatabase database;

	@Autowired
	SaveFailureWebTests(TestAccounts accounts, FailingDatabase database) {
		this.accounts = accounts;
		this.database = database;
	}

	private static String group(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	@Test
	void aNewSubmissionTheDatabaseRefusesIsShownAgainAsTypedAndTheRetryCreatesOne() {
		WebSession web = new WebSession(port);
		web.signIn(accounts.fresh("disk-full", Role.CONTRIBUTOR), TestAccounts.PASSWORD);
		String page = web.get("/submissions/new").body();
		Map<String, String> fields = SubmissionWebTests.fields("Lesson typed during a disk failure",
				"Every word of this carefully typed lesson about narwhals");
		fields.put("formToken", group(FORM_TOKEN, page));
		fields.put("_csrf", WebSession.csrfFrom(page));

		HttpResponse<String> refused;
		try (var failing = database.failWrites()) {
			refused = web.postRaw("/submissions", fields);
		}

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.body()).contains("There is a problem", "href=\"#submission-form\"",
				"Your changes could not be saved because of a problem on our side. Nothing you typed has been lost: try again.",
				"value=\"Lesson typed during a disk failure\"",
				"Every word of this carefully typed lesson about narwhals", "value=\"" + fields.get("formToken") + "\"");
		assertThat(refused.body()).containsPattern("value=\"semantic\" checked");
		assertThat(web.get("/submissions").body()).doesNotContain("Lesson typed during a disk failure");

		fields.put("_csrf", WebSession.csrfFrom(refused.body()));
		HttpResponse<String> retried = web.postRaw("/submissions", fields);
		HttpResponse<String> again = web.postRaw("/submissions", fields);

		assertThat(retried.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", ""))
			.isEqualTo(retried.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", ""));
		assertThat(web.get("/submissions").body().split("Lesson typed during a disk failure", -1)).hasSize(2);
	}

	@Test
	void anEditTheDatabaseRefusesIsShownAgainAsTypedAndSavesOnTheRetry() {
		WebSession web = new WebSession(port);
		web.signIn(accounts.fresh("disk-full-edit", Role.CONTRIBUTOR), TestAccounts.PASSWORD);
		String view = web.post("/submissions/new", "/submissions", SubmissionWebTests.fields("Edited lesson", "Before"))
			.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "").replaceAll("\\?.*", "");
		String edit = web.get(view + "/edit").body();
		Map<String, String> fields = SubmissionWebTests.fields("Edited lesson", "After: typed while the disk was full");
		fields.put("version", group(VERSION, edit));
		fields.put("_csrf", WebSession.csrfFrom(edit));

		HttpResponse<String> refused;
		try (var failing = database.failWrites()) {
			refused = web.postRaw(view, fields);
		}

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.body()).contains("Nothing you typed has been lost: try again.",
				"After: typed while the disk was full", "name=\"version\" value=\"" + fields.get("version") + "\"");
		assertThat(web.get(view).body()).contains("Before").doesNotContain("typed while the disk was full");

		assertThat(web.postRaw(view, fields).statusCode()).isEqualTo(302);
		assertThat(web.get(view).body()).contains("After: typed while the disk was full");
	}
}
