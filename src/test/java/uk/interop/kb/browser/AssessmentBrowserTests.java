package uk.interop.kb.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole self-assessment with JavaScript switched off: start, a question left unanswered and corrected,
 * every question answered, one changed from the check-answers page, submitted; then the profile's chart
 * and table, a lesson to read, and an action recorded from the profile.
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class AssessmentBrowserTests {

	@LocalServerPort
	int port;

	private final TestAccounts accounts;

	@Autowired
	AssessmentBrowserTests(TestAccounts accounts) {
		this.accounts = accounts;
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static void press(WebDriver driver, String text) {
		List<WebElement> found = driver.findElements(By.xpath("//main//button[normalize-space()='" + text
				+ "'] | //main//a[normalize-space()='" + text + "']"));
		assertThat(found).as("'%s' on %s", text, driver.getCurrentUrl()).isNotEmpty();
		Browsers.andWaitForNewPage(driver, found.get(0)::click);
	}

	private static void choose(WebDriver driver, String inputId) {
		driver.findElement(By.cssSelector("label[for='" + inputId + "']")).click();
	}

	@Test
	void aMemberTakesAWholeAssessmentWithoutJavaScript(@NoJavaScript WebDriver driver) {
		String username = accounts.freshIn("journey", Role.MEMBER, "cambridgeshire-constabulary");
		driver.manage().deleteAllCookies();
		driver.get(base() + "/sign-in");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		press(driver, "Sign in");

		assertThat(driver.findElements(By.xpath("//button[normalize-space()='Sign out']"))).as(driver.getPageSource())
			.isNotEmpty();
		Browsers.andWaitForNewPage(driver, driver.findElement(By.cssSelector("#navigation a[href='/assessments']"))::click);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Cambridgeshire Constabulary");
		Browsers.andWaitForNewPage(driver, driver.findElement(By.cssSelector("#framework-general button"))::click);
		assertThat(driver.findElement(By.id("progress")).getText()).contains("You have answered 0 of 13 questions");
		Browsers.screenshot(driver, "assessment-1-tasks");
		Browsers.andWaitForNewPage(driver, driver.findElement(By.linkText("Information sharing agreements"))::click);

		press(driver, "Save and continue");
		assertThat(driver.getTitle()).startsWith("Error: ");
		assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Select how far your organisation has got");
		Browsers.screenshot(driver, "assessment-2-error");

		int answered = 0;
		while (driver.getCurrentUrl().contains("/questions/")) {
			choose(driver, answered == 4 ? "step-not-known" : answered % 2 == 0 ? "step-2" : "step-3");
			WebElement evidence = driver.findElement(By.id("evidence"));
			evidence.clear();
			evidence.sendKeys("Journey evidence " + answered);
			press(driver, "Save and continue");
			answered++;
			assertThat(answered).as("questions answered").isLessThanOrEqualTo(13);
		}
		assertThat(answered).isEqualTo(13);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers before submitting");
		assertThat(driver.findElement(By.id("answer-sharing-agreements")).getText()).contains("2. Repeatable")
			.contains("Journey evidence 0");
		Browsers.screenshot(driver, "assessment-3-check");

		Browsers.andWaitForNewPage(driver, driver.findElement(By.cssSelector("#answer-sharing-agreements a"))::click);
		choose(driver, "step-4");
		press(driver, "Save and continue");
		assertThat(driver.getCurrentUrl()).endsWith("/check");
		assertThat(driver.findElement(By.id("answer-sharing-agreements")).getText()).contains("4. Managed");

		press(driver, "Submit assessment");
		assertThat(driver.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
			.contains("Assessment submitted");
		assertThat(driver.findElements(By.cssSelector("figure.kb-chart svg[role='img']"))).hasSize(1);
		List<WebElement> rows = driver.findElements(By.cssSelector("#scores tbody tr"));
		assertThat(rows).hasSize(4);
		// Organisational: 4, 3, 2 and not known → (4 + 3 + 2) / 3 = 3.0
		assertThat(rows.get(0).getText()).contains("Organisational").contains("3.0").contains("Defined");
		assertThat(driver.findElement(By.id("benchmark")).getText()).contains("Too few organisations");
		Browsers.screenshot(driver, "assessment-4-profile");

		WebElement lesson = driver.findElement(By.cssSelector("#indicator-joint-governance ul a"));
		String title = lesson.getText();
		Browsers.andWaitForNewPage(driver, lesson::click);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.id("uptake")).getText()).contains("Acting on it");
		driver.navigate().back();

		Browsers.andWaitForNewPage(driver, driver.findElement(By.cssSelector("#indicator-joint-governance a[href*='/assessments/actions/new']"))::click);
		assertThat(driver.findElements(By.cssSelector("input[name='indicators']:checked"))).hasSize(1);
		assertThat(driver.findElements(By.cssSelector("input[name='lessons']:checked"))).isNotEmpty();
		driver.findElement(By.id("title")).sendKeys("Set up a joint board for the custody exchange");
		driver.findElement(By.id("owner")).sendKeys("Head of information management");
		driver.findElement(By.id("due")).sendKeys("30");
		driver.findElement(By.id("due-month")).sendKeys("6");
		driver.findElement(By.id("due-year")).sendKeys("2030");
		choose(driver, "status-agreed");
		press(driver, "Save action");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Set up a joint board for the custody exchange");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Agreed").contains("30 June 2030")
			.contains(title).contains("Joint governance and ownership");
		Browsers.screenshot(driver, "assessment-5-action");
	}
}
