package uk.interop.kb.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

/** Editors see what found nothing, over real HTTP, with a link to try it; nobody's identity is shown. */
@KbApplicationTest
class SearchInsightsPageTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void aSearchThatFoundNothingIsListedForEditorsWithALinkToTryIt() {
		new WebSession(port).get("/search?q=qqzxv+vvzqq");
		new WebSession(port).getJson("/api/v1/search?q=qqzxv+vvzqq");
		WebSession editor = new WebSession(port);
		editor.signIn(accounts.user(Role.EDITOR), TestAccounts.PASSWORD);

		String page = editor.get("/search-insights").body();

		assertThat(page).contains("Searches that found nothing", "qqzxv vvzqq",
				"href=\"/search?q=qqzxv%20vvzqq&amp;exact=true\"");
		assertThat(page).doesNotContain(accounts.user(Role.EDITOR));
	}
}
