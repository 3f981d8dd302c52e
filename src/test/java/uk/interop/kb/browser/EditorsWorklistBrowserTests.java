package uk.interop.kb.browser;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.editorial.WorklistApplicationTest;
import uk.interop.kb.editorial.WorklistContent;
import uk.interop.kb.submission.SubmissionService;
import uk.interop.kb.support.Contributions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worklist with rows in every section, a database document among them, in a real browser: it passes the
 * same axe-core audit and HTML checks as every page in {@link AccessibilityAuditTests} (whose real content leaves
 * most sections empty), its wide tables scroll inside focusable regions, and the summary's links reach the sections.
 */
@WorklistApplicationTest
@ExtendWith(Browsers.class)
class EditorsWorklistBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SubmissionService submissions;

	@Autowired
	UserDetailsService users;

	@Test
	void aWorklistWithRowsInEverySectionPassesTheAudit(WebDriver driver) {
		KbUser contributor = (KbUser) users.loadUserByUsername(accounts.user(Role.CONTRIBUTOR));
		KbUser editor = (KbUser) users.loadUserByUsername(accounts.user(Role.EDITOR));
		Contributions.published(submissions, contributor, editor, "Shared radio codes agreed", "merlin", "members");
		String base = "http://localhost:" + port;
		driver.manage().deleteAllCookies();
		driver.get(base + "/sign-in");
		driver.findElement(By.id("username")).sendKeys(accounts.user(Role.EDITOR));
		driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign in']")));

		driver.get(base + "/content-health");

		List<WebElement> regions = driver.findElements(By.cssSelector("div.kb-table-scroll[role=region][tabindex='0']"));
		assertThat(regions).as("one scrolling table per section").hasSize(8);
		for (WebElement counted : driver.findElements(By.cssSelector(".govuk-summary-list__value"))) {
			assertThat(Integer.parseInt(counted.getText())).as("every section has rows").isPositive();
		}
		assertThat(driver.findElement(By.id("review-due-caption")).getText()).isEqualTo("2 documents due for review");
		assertThat(driver.findElement(By.cssSelector("[data-document='" + WorklistContent.OVERDUE + "']")).getText())
			.contains("1 March 2020");
		List<Axe.Violation> violations = Axe.run(driver);
		List<String> problems = HtmlChecks.problems(driver);
		Browsers.screenshot(driver, "editors-worklist");
		SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(violations).as(() -> "axe-core " + Axe.version() + " on the worklist:\n"
					+ Axe.describe("worklist", violations)).isEmpty();
			softly.assertThat(problems).as("HTML checks on the worklist").isEmpty();
		});

		driver.findElement(By.cssSelector("a[href='#without-evidence']")).click();
		assertThat(driver.getCurrentUrl()).endsWith("#without-evidence");
		assertThat(driver.findElement(By.cssSelector("[data-reference='" + WorklistContent.ENTRY_WITHOUT_EVIDENCE
				+ "'] a")).getAttribute("href")).endsWith("/problem-book/" + WorklistContent.ENTRY_WITHOUT_EVIDENCE);
	}
}
