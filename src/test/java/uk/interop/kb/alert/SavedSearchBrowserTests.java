package uk.interop.kb.alert;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.browser.Browsers;
import uk.interop.kb.submission.SubmissionService;
import uk.interop.kb.support.Contributions;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Save a search in a real browser, an editor publishes a matching lesson, the alert's digest arrives
 * with it and its link opens the lesson. (Here rather than in {@code browser/}: it runs the alerts
 * itself, as the scheduler would a few minutes later.)
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class SavedSearchBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	SubmissionService submissions;

	@Autowired
	AlertRun alerts;

	@Test
	void aSavedSearchsAlertBringsTheLessonPublishedAfterIt(WebDriver driver) {
		String member = accounts.fresh("watcher", Role.MEMBER);
		String word = "zj" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String base = "http://localhost:" + port;
		driver.manage().deleteAllCookies();
		driver.get(base + "/sign-in");
		driver.findElement(By.id("username")).sendKeys(member);
		driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign in']")));

		driver.get(base + "/search?q=" + word + "&level=structural");
		Browsers.clickAndWait(driver, driver.findElement(By.linkText("Save this search and get email alerts")));
		driver.findElement(By.id("name")).clear();
		driver.findElement(By.id("name")).sendKeys("Structural " + word);
		driver.findElement(By.cssSelector("label[for='frequency-IMMEDIATE']")).click();
		Browsers.screenshot(driver, "saved-search-1-form");
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Save search']")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your saved searches");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Structural " + word).contains("0 results");
		Browsers.screenshot(driver, "saved-search-2-list");

		KbUser contributor = (KbUser) users.loadUserByUsername(accounts.user(Role.CONTRIBUTOR));
		KbUser editor = (KbUser) users.loadUserByUsername(accounts.user(Role.EDITOR));
		Contributions.published(submissions, contributor, editor, "Lesson for the watcher " + word, word, "public");
		alerts.runDue(Instant.now().plus(Duration.ofMinutes(10)));

		TestMail.Mail digest = TestMail.awaitSubject(member, "1 new result for “Structural " + word + "”");
		driver.get(base + URI.create(digest.link("/documents/")).getPath());
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Lesson for the watcher " + word);
		driver.get(base + "/saved-searches");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("1 result");
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign out']")));
	}
}
