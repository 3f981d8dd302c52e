package uk.interop.kb.submission;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload over 1 MB reaches the form's own handler, which shows the form again with the GOV.UK
 * error summary; one so large the container refuses it gets the 413 page. Nothing is created.
 */
@KbApplicationTest
class UploadLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	private static String markdown(int bytes) {
		String head = "---\ntitle: Uploaded lesson far too long about walruses\ntype: lesson\nsummary: Big.\n---\n\n";
		return head + "w".repeat(bytes - head.length());
	}

	@ParameterizedTest
	@ValueSource(ints = { 1024 * 1024 + 1, 1_500_000, 5_000_000 })
	void aFileOverOneMegabyteShowsTheFormAgainWithTheErrorSummary(int size) {
		WebSession web = new WebSession(port);
		web.signIn(accounts.fresh("upload-" + size, Role.CONTRIBUTOR), TestAccounts.PASSWORD);

		HttpResponse<String> response = web.postFile("/submissions/new", "/submissions/import", "file", "big.md",
				markdown(size));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("<title>Error: Submit a lesson or case study – Interop KB</title>",
				"There is a problem", "<a href=\"#file\">The file must be smaller than 1 MB</a>",
				"id=\"file-error\"", "id=\"submission-form\"", "name=\"formToken\"");
		assertThat(web.get("/submissions").body()).doesNotContain("walruses");
	}

	@Test
	void aFileTheContainerRefusesGetsThe413Page() {
		WebSession web = new WebSession(port);
		web.signIn(accounts.fresh("upload-huge", Role.CONTRIBUTOR), TestAccounts.PASSWORD);

		HttpResponse<String> response = web.postFile("/submissions/new", "/submissions/import", "file", "huge.md",
				markdown(12_000_000));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("What you sent is too large", "must be smaller than 1 MB");
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(web.get("/submissions").body()).doesNotContain("walruses");
	}

	@Test
	void aFileJustUnderTheLimitIsStillRead() {
		WebSession web = new WebSession(port);
		web.signIn(accounts.fresh("upload-fits", Role.CONTRIBUTOR), TestAccounts.PASSWORD);
		String file = "---\ntitle: Uploaded lesson that fits about seals\ntype: lesson\nsummary: Fits.\n---\n\n## What happened\n\n"
				+ "s".repeat(900_000) + "\n";

		HttpResponse<String> response = web.postFile("/submissions/new", "/submissions/import", "file", "fits.md", file);

		assertThat(response.statusCode()).isIn(200, 302);
		assertThat(response.body()).doesNotContain("must be smaller than 1 MB");
	}
}
