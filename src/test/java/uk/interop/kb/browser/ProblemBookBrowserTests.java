package uk.interop.kb.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor creates a problem-book entry, maps it to a level, sees the matrix cell count go up
 * and follows the cell's link to a search with both filters ticked: with JavaScript and without.
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class ProblemBookBrowserTests {

	private static final String THEME = "skills-capacity";
	private static final String LEVEL = "foundational";

	@LocalServerPort
	int port;

	private final TestAccounts accounts;
	private final JdbcClient jdbc;
	private final SearchIndex index;

	@Autowired
	ProblemBookBrowserTests(TestAccounts accounts, JdbcClient jdbc, SearchIndex index) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.index = index;
	}

	@Test
	void anEditorMapsANewEntryAndTheMatrixAndSearchFollow(WebDriver driver) {
		journey(driver, true);
	}

	@Test
	void theSameJourneyWorksWithoutJavaScript(@NoJavaScript WebDriver driver) {
		journey(driver, false);
	}

	private void journey(WebDriver driver, boolean javascript) {
		String shot = javascript ? "problem-book-" : "problem-book-nojs-";
		String base = "http://localhost:" + port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		String title = "Volunteer coordinators cannot see shared training records";
		String reference = null;
		driver.manage().deleteAllCookies();
		try {
			driver.get(base + "/sign-in");
			driver.findElement(By.id("username")).sendKeys(accounts.user(Role.EDITOR));
			driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
			driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
			wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));

			driver.findElement(By.linkText("Problem book")).click();
			wait.until(ExpectedConditions.urlToBe(base + "/problem-book"));
			wait.until(ExpectedConditions.presenceOfElementLocated(CELL));
			int before = entriesIn(driver);
			Browsers.screenshot(driver, shot + "1-matrix");

			driver.findElement(By.linkText("Create an entry")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement")));
			driver.findElement(By.id("title")).sendKeys(title);
			driver.findElement(By.id("summary")).sendKeys("Coordinators in partner agencies re-check training by email.");
			driver.findElement(By.id("statement")).sendKeys("Each agency keeps its own training records.\n\n- no shared view\n- repeated checks");
			clickLabelOf(driver, driver.findElement(By.cssSelector("input[name='themes'][value='" + THEME + "']")));
			driver.findElement(By.xpath("//button[normalize-space()='Create entry']")).click();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
			reference = driver.findElement(By.cssSelector(".govuk-caption-l")).getText().replace("Problem-book entry ", "");
			assertThat(driver.findElement(By.id("not-mapped")).getText()).contains("not mapped");

			driver.findElement(By.linkText("Propose a level")).click();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Record a mapping decision"));
			assertThat(driver.findElement(By.cssSelector("input[name='action'][value='propose']")).isSelected()).isTrue();
			clickLabelOf(driver, driver.findElement(By.cssSelector("input[name='level'][value='" + LEVEL + "']")));
			clickLabelOf(driver, driver.findElement(By.cssSelector("input[name='confidence'][value='medium']")));
			driver.findElement(By.id("rationale")).sendKeys("Shared connectivity between agencies comes first.");
			Browsers.screenshot(driver, shot + "2-decision");
			driver.findElement(By.xpath("//button[normalize-space()='Record decision']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-summary-card[data-level='" + LEVEL + "']")));
			assertThat(driver.findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains("Proposed");
			Browsers.screenshot(driver, shot + "3-entry");

			driver.findElement(By.linkText("Problem book")).click();
			wait.until(ExpectedConditions.urlToBe(base + "/problem-book"));
			wait.until(ExpectedConditions.presenceOfElementLocated(CELL));
			assertThat(entriesIn(driver)).isEqualTo(before + 1);
			if (javascript) {
				((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", cell(driver));
			}
			Browsers.screenshot(driver, shot + "4-matrix-after");

			// A cell links its entries (listed on this page) and, separately, its lessons (a search).
			cell(driver).findElement(By.cssSelector("a.kb-matrix-entries")).click();
			wait.until(ExpectedConditions.urlContains("#entries"));
			assertThat(driver.findElement(By.tagName("main")).getText()).as("the cell's entries, listed").contains(title);
			cell(driver).findElement(By.cssSelector("a.kb-matrix-lessons")).click();
			wait.until(ExpectedConditions.urlContains("/search"));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
			assertThat(driver.findElement(By.cssSelector("input[name='theme'][value='" + THEME + "']")).isSelected()).isTrue();
			assertThat(driver.findElement(By.cssSelector("input[name='level'][value='" + LEVEL + "']")).isSelected()).isTrue();
			assertThat(new SearchPageObject(driver).tags()).contains("Problem-book theme: Skills and capacity",
					"Interoperability level: Foundational");
			assertThat(new SearchPageObject(driver).resultTitles()).as("lessons and case studies, not the entry")
				.doesNotContain(title);
			Browsers.screenshot(driver, shot + "5-search");
		}
		finally {
			driver.manage().deleteAllCookies();
			if (reference != null) {
				forget(reference);
			}
		}
	}

	private static final By CELL = By.cssSelector("td[data-theme='" + THEME + "'][data-level='" + LEVEL + "']");

	private static WebElement cell(WebDriver driver) {
		return driver.findElement(CELL);
	}

	private static int entriesIn(WebDriver driver) {
		return Integer.parseInt(cell(driver).findElement(By.cssSelector(".kb-matrix-entries")).getText().replaceAll("\\D", ""));
	}

	private static void clickLabelOf(WebDriver driver, WebElement input) {
		driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
	}

	/**
	 * Takes the test's entry out of the shared database and index again, so test classes that count
	 * the shipped content still see exactly the shipped content. (The app itself never deletes.)
	 */
	private void forget(String reference) {
		jdbc.sql("select document_id from problem_book_entry where reference = :r").param("r", reference)
			.query(String.class).optional().ifPresent(id -> index.waitFor(index.delete(id)));
		jdbc.sql("delete from problem_book_mapping where entry_reference = :r").param("r", reference).update();
		jdbc.sql("delete from problem_book_entry where reference = :r").param("r", reference).update();
	}
}
