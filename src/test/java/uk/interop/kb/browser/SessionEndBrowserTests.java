package uk.interop.kb.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.account.TestAccountsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.interop.kb.browser.SessionTimeoutBrowserTests.assertAccessible;
import static uk.interop.kb.browser.SessionTimeoutBrowserTests.awaitClosedDialog;
import static uk.interop.kb.browser.SessionTimeoutBrowserTests.awaitOpenDialog;
import static uk.interop.kb.browser.SessionTimeoutBrowserTests.signIn;

/**
 * The lifetime since sign-in, which nothing extends (25 seconds here, warned 20 before): the warning says so and
 * offers to continue; when the time is up the page asks the server, then says the person has been signed out,
 * keeps what they typed and offers to sign in again and come back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kb.accounts.session-absolute-timeout=25s", "kb.accounts.session-warning=20s",
				"kb.index-dir=target/test-index/session-end", "kb.data-dir=target/test-data-session-end",
				"spring.datasource.url=jdbc:h2:mem:kb-session-end;DB_CLOSE_DELAY=-1", "kb.base-url=http://localhost:8080",
				"kb.cluster.enabled=false", "kb.search.semantic.enabled=false" })
@Import(TestAccountsConfiguration.class)
@ExtendWith(Browsers.class)
class SessionEndBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void theWarningSaysWhenTheSessionEndsThenThatThePersonIsSignedOutWithWhatTheyTypedKept(WebDriver driver) {
		String base = "http://localhost:" + port;
		signIn(driver, base, accounts.fresh("ending", Role.CONTRIBUTOR));
		driver.get(base + "/submissions/new");
		driver.findElement(By.id("title")).sendKeys("Words typed before the session ended");

		WebElement dialog = awaitOpenDialog(driver);
		assertThat(dialog.findElement(By.id("session-timeout-heading")).getText())
			.isEqualTo("You will be signed out soon");
		assertThat(dialog.getText()).contains("everyone is signed out 25 seconds after signing in")
			.doesNotContain("Stay signed in");
		assertAccessible(driver, "session ending warning");
		dialog.findElement(By.xpath(".//button[normalize-space()='Continue']")).click();
		awaitClosedDialog(driver);

		awaitOpenDialog(driver);
		assertThat(dialog.findElement(By.id("session-timeout-heading")).getText()).isEqualTo("You have been signed out");
		assertThat(((JavascriptExecutor) driver).executeScript("return document.activeElement.id"))
			.as("the heading takes the focus, so the news is read first").isEqualTo("session-timeout-heading");
		assertThat(dialog.findElement(By.linkText("Sign in again")).getDomAttribute("href"))
			.isEqualTo("/sign-in?continue=%2Fsubmissions%2Fnew");
		assertAccessible(driver, "signed out by the session's end");
		Browsers.screenshot(driver, "session-timeout-signed-out");

		dialog.findElement(By.xpath(".//button[normalize-space()='Close']")).click();
		awaitClosedDialog(driver);
		assertThat(driver.findElement(By.id("title")).getDomProperty("value"))
			.isEqualTo("Words typed before the session ended");
		driver.get(base + "/account");
		assertThat(driver.getCurrentUrl()).as("really signed out").contains("/sign-in");
	}
}
