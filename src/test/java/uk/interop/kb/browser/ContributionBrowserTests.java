package uk.interop.kb.browser;

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
 * A contributor writes and submits (after fixing an error), an editor asks for changes, the
 * contributor fixes them, the editor publishes, and an anonymous visitor finds it by a word in its body.
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class ContributionBrowserTests {

	@LocalServerPort
	int port;

	private final TestAccounts accounts;

	@Autowired
	ContributionBrowserTests(TestAccounts accounts) {
		this.accounts = accounts;
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private void signIn(WebDriver driver, String username) {
		driver.manage().deleteAllCookies();
		driver.get(base() + "/sign-in");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign in']")));
	}

	private void click(WebDriver driver, String buttonText) {
		var found = driver.findElements(By.xpath("//button[normalize-space()='" + buttonText
				+ "'] | //a[normalize-space()='" + buttonText + "']"));
		assertThat(found).as("'%s' on %s, which says: %s", buttonText, driver.getCurrentUrl(),
				driver.findElement(By.tagName("main")).getText()).isNotEmpty();
		Browsers.clickAndWait(driver, found.get(0));
	}

	private void tick(WebDriver driver, String name, String value) {
		WebElement box = driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
		driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
	}

	@Test
	void aLessonGoesFromContributorThroughEditorIntoSearch(WebDriver driver) {
		signIn(driver, accounts.user(Role.CONTRIBUTOR));
		driver.get(base() + "/submissions/new");
		driver.findElement(By.id("summary")).sendKeys("Two partners agreed quarantine codes before building anything.");
		tick(driver, "levels", "semantic");
		tick(driver, "themes", "data-standards-semantics");
		tick(driver, "sectors", "health");
		tick(driver, "outcome", "worked");
		WebElement body = driver.findElement(By.id("body"));
		body.clear();
		body.sendKeys("## What happened\n\nThe zebrafinch register was shared before the interface was built.\n\n"
				+ "## What we learned\n\nShared codes first.\n\n## Recommendation\n\nAgree codes.\n\n## Evidence\n\nMeeting notes.");
		click(driver, "Save and preview");

		// Left the title out: the error summary links to it, and everything typed is still there.
		assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("Enter a title");
		assertThat(driver.findElement(By.id("body")).getAttribute("value")).contains("zebrafinch register");
		Browsers.screenshot(driver, "contribute-1-error");
		driver.findElement(By.cssSelector(".govuk-error-summary a[href='#title']")).click(); // same page: focuses the field
		driver.findElement(By.id("title")).sendKeys("Sharing the zebrafinch register before building the interface");
		click(driver, "Save and preview");
		assertThat(driver.findElement(By.id("preview-heading")).getText()).isEqualTo("Preview");
		click(driver, "Submit for review");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Submitted for review");
		String submissionUrl = driver.getCurrentUrl();
		String id = submissionUrl.replaceAll(".*/submissions/(\\d+).*", "$1");

		signIn(driver, accounts.user(Role.EDITOR));
		driver.get(base() + "/moderation");
		Browsers.clickAndWait(driver, driver.findElement(By.linkText("Sharing the zebrafinch register before building the interface")));
		driver.findElement(By.id("comment")).sendKeys("Please add the sector the partner came from.");
		click(driver, "Ask for changes");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Changes requested");

		signIn(driver, accounts.user(Role.CONTRIBUTOR));
		driver.get(base() + "/submissions/" + id);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Please add the sector the partner came from.");
		click(driver, "Edit");
		tick(driver, "sectors", "police");
		click(driver, "Save and preview");
		click(driver, "Submit for review");

		signIn(driver, accounts.user(Role.EDITOR));
		driver.get(base() + "/moderation/" + id);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Changes since the previous revision");
		click(driver, "Approve and publish");
		assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Confirm all three redaction checks");
		driver.findElement(By.cssSelector("label[for='checklist']")).click();
		driver.findElement(By.cssSelector("label[for='checklist-2']")).click();
		driver.findElement(By.cssSelector("label[for='checklist-3']")).click();
		click(driver, "Approve and publish");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Published");
		Browsers.screenshot(driver, "contribute-2-published");

		driver.manage().deleteAllCookies();
		driver.get(base() + "/search?q=zebrafinch&level=semantic&sector=police");
		assertThat(driver.findElements(By.cssSelector("#results .kb-result__title a")))
			.extracting(WebElement::getText)
			.containsExactly("Sharing the zebrafinch register before building the interface");
		Browsers.screenshot(driver, "contribute-3-found");
	}
}
