package uk.interop.kb.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.account.TestAccountsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warning before an idle session ends (WCAG 2.2.1), in a real browser: the container ends a session after a
 * minute without a request and the warning comes 57 seconds before, so it opens a few seconds after each page or
 * each "Stay signed in". It is a modal dialog that takes the focus, passes axe, and one button (or Escape) keeps
 * the person signed in and starts the count again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.session.timeout=1m", "kb.accounts.session-warning=57s",
				"kb.index-dir=target/test-index/session-idle", "kb.data-dir=target/test-data-session-idle",
				"spring.datasource.url=jdbc:h2:mem:kb-session-idle;DB_CLOSE_DELAY=-1", "kb.base-url=http://localhost:8080",
				"kb.cluster.enabled=false", "kb.search.semantic.enabled=false" })
@Import(TestAccountsConfiguration.class)
@ExtendWith(Browsers.class)
class SessionTimeoutBrowserTests {

	/** Far longer than the few seconds the warning takes to open, so a slow machine does not fail the test. */
	static final Duration PATIENCE = Duration.ofSeconds(45);

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	static void signIn(WebDriver driver, String base, String username) {
		driver.manage().deleteAllCookies();
		driver.get(base + "/sign-in");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		Browsers.andWaitForNewPage(driver,
				() -> driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click());
	}

	static WebElement awaitOpenDialog(WebDriver driver) {
		new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
			.until(d -> d.findElement(By.id("session-timeout")).getDomAttribute("open") != null);
		return driver.findElement(By.id("session-timeout"));
	}

	static void awaitClosedDialog(WebDriver driver) {
		new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
			.until(d -> d.findElement(By.id("session-timeout")).getDomAttribute("open") == null);
	}

	static boolean focusIsInside(WebDriver driver, String id) {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver)
			.executeScript("return document.getElementById(arguments[0]).contains(document.activeElement)", id));
	}

	static void assertAccessible(WebDriver driver, String state) {
		assertThat(Axe.run(driver)).as(() -> Axe.describe(state, Axe.run(driver))).isEmpty();
		assertThat(HtmlChecks.problems(driver)).as("HTML checks on " + state).isEmpty();
	}

	@Test
	void theWarningOpensBeforeTheIdleTimeEndsAndStaySignedInOrEscapeKeepsThePersonSignedIn(WebDriver driver) {
		String base = "http://localhost:" + port;
		signIn(driver, base, accounts.fresh("idle", Role.MEMBER));
		driver.get(base + "/account");

		WebElement dialog = awaitOpenDialog(driver);
		assertThat(dialog.findElement(By.id("session-timeout-heading")).getText())
			.isEqualTo("You’re about to be signed out");
		assertThat(dialog.getText()).contains("For your security, we will sign you out in")
			.contains("unless you choose to stay signed in").doesNotContain("You have been signed out");
		assertThat(focusIsInside(driver, "session-timeout")).as("the focus moves into the dialog").isTrue();
		assertAccessible(driver, "session timeout warning");
		Browsers.screenshot(driver, "session-timeout-warning");

		dialog.findElement(By.xpath(".//button[normalize-space()='Stay signed in']")).click();
		awaitClosedDialog(driver);
		assertThat(focusIsInside(driver, "session-timeout")).as("the focus leaves the closed dialog").isFalse();

		// The count started again from the server's answer: the warning comes back, and Escape also stays.
		awaitOpenDialog(driver);
		driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		awaitClosedDialog(driver);

		driver.get(base + "/account");
		assertThat(driver.getCurrentUrl()).as("still signed in").endsWith("/account");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your account");
	}

	@Test
	void withoutASignedInPersonThereIsNoWarning(WebDriver driver) {
		driver.manage().deleteAllCookies();
		driver.get("http://localhost:" + port + "/");

		assertThat(driver.findElements(By.id("session-timeout"))).isEmpty();
	}
}
