package uk.interop.kb.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page's in-place results reach the server, which starts the session's idle time again; the timeout
 * warning's count starts again with them, so someone filtering for half an hour is not warned for nothing. The
 * warning's next time is read from the dialog's {@code data-warns-at}, so nothing here waits on a clock.
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class SessionClockBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	private long warnsAt(WebDriver driver) {
		return Long.parseLong(driver.findElement(By.id("session-timeout")).getDomAttribute("data-warns-at"));
	}

	@Test
	void resultsUpdatedInPlaceStartTheWarningsCountAgain(WebDriver driver) {
		String base = "http://localhost:" + port;
		SessionTimeoutBrowserTests.signIn(driver, base, accounts.fresh("clock", Role.MEMBER));
		SearchPageObject search = new SearchPageObject(driver).open(base, "custody");
		long loadedAt = (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return Date.now()");
		long first = warnsAt(driver);
		assertThat(first).as("30 idle minutes less the 2-minute warning, from the page's load")
			.isBetween(loadedAt + 27 * 60_000L, loadedAt + 28 * 60_000L);
		assertThat(search.enhanced()).isTrue();

		// The count was scheduled (30 minutes less 2) before `first`; let the browser's clock pass that moment.
		long scheduledAt = first - 28 * 60_000L;
		Browsers.waitUntil(driver, d -> (Long) ((org.openqa.selenium.JavascriptExecutor) d)
			.executeScript("return Date.now()") > scheduledAt + 5);
		search.tick("level", "semantic");

		assertThat(warnsAt(driver)).as("the count started again when the results came").isGreaterThan(first);
		assertThat(driver.findElement(By.id("session-timeout")).getDomAttribute("open")).isNull();
	}
}
