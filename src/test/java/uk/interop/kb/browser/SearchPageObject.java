package uk.interop.kb.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The search results page, as a person uses it. With JavaScript, ticking a filter or choosing a
 * sort order updates the results in place and the methods wait for that; without it, the person
 * presses "Apply filters" or "Sort".
 */
final class SearchPageObject {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final WebDriver driver;

	SearchPageObject(WebDriver driver) {
		this.driver = driver;
	}

	SearchPageObject open(String baseUrl, String query) {
		driver.get(baseUrl + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		return this;
	}

	/** Whether search.js has taken over the filters (JavaScript on and working). */
	boolean enhanced() {
		return "true".equals(driver.findElement(By.id("search-form")).getDomAttribute("data-enhanced"));
	}

	/** Ticks (or unticks) a filter; with JavaScript, waits until the results have been replaced. */
	SearchPageObject tick(String facet, String valueId) {
		WebElement box = checkbox(facet, valueId);
		WebElement details = box.findElement(By.xpath("ancestor::details"));
		if (details.getDomProperty("open").equals("false")) {
			details.findElement(By.tagName("summary")).click();
		}
		WebElement label = driver.findElement(By.cssSelector("label[for='" + box.getDomAttribute("id") + "']"));
		whileUpdating(label::click);
		return this;
	}

	boolean ticked(String facet, String valueId) {
		return checkbox(facet, valueId).isSelected();
	}

	SearchPageObject applyFilters() {
		Browsers.andWaitForNewPage(driver,
				() -> driver.findElement(By.xpath("//button[normalize-space()='Apply filters']")).click());
		return this;
	}

	/** Chooses a sort order: with JavaScript the results follow; without it, presses "Sort". */
	SearchPageObject sortBy(String visibleText) {
		boolean enhanced = enhanced();
		whileUpdating(() -> new Select(driver.findElement(By.id("sort"))).selectByVisibleText(visibleText));
		if (!enhanced) {
			Browsers.andWaitForNewPage(driver,
					() -> driver.findElement(By.xpath("//button[normalize-space()='Sort']")).click());
		}
		return this;
	}

	String sortOrder() {
		return new Select(driver.findElement(By.id("sort"))).getFirstSelectedOption().getText();
	}

	/**
	 * Runs an action that, with JavaScript, replaces the results in place, and waits until it has.
	 * The script counts its updates on the form, so this waits for that count to move on.
	 */
	void whileUpdating(Runnable action) {
		if (!enhanced()) {
			action.run();
			return;
		}
		String before = updates();
		action.run();
		Browsers.waitUntil(driver, d -> !before.equals(updates()));
	}

	private String updates() {
		Object count = ((JavascriptExecutor) driver)
			.executeScript("return document.getElementById('search-form').dataset.updates || '0'");
		return String.valueOf(count);
	}

	String resultCount() {
		return driver.findElement(By.id("result-count")).getText();
	}

	long total() {
		return Long.parseLong(resultCount().replaceAll("[^0-9]", ""));
	}

	List<String> tags() {
		return driver.findElements(By.cssSelector(".kb-filter-tag")).stream().map(WebElement::getText)
			.map(t -> t.replace("Remove filter", "").replace("×", "").strip()).toList();
	}

	SearchPageObject removeTag(String text) {
		WebElement tag = driver.findElements(By.cssSelector(".kb-filter-tag")).stream()
			.filter(e -> e.getText().contains(text)).findFirst().orElseThrow();
		Browsers.andWaitForNewPage(driver, tag::click);
		return this;
	}

	String countLabel(String facet, String valueId) {
		WebElement box = checkbox(facet, valueId);
		return driver.findElement(By.cssSelector("label[for='" + box.getDomAttribute("id") + "'] .kb-count"))
			.getDomProperty("textContent");
	}

	List<String> resultTitles() {
		return driver.findElements(By.cssSelector("#results .kb-result__title a")).stream().map(WebElement::getText)
			.toList();
	}

	/** Each result's publication date, in the order shown. */
	List<LocalDate> resultDates() {
		return driver.findElements(By.cssSelector("#results .kb-result__meta span:nth-of-type(2)")).stream()
			.map(e -> LocalDate.parse(e.getText().strip(), DATE)).toList();
	}

	/** The page of results shown, from the pagination's current page (1 when there is no pagination). */
	int currentPage() {
		return driver.findElements(By.cssSelector(".govuk-pagination__link[aria-current='page']")).stream()
			.map(e -> Integer.parseInt(e.getText().strip())).findFirst().orElse(1);
	}

	SearchPageObject nextPage() {
		Browsers.andWaitForNewPage(driver, driver.findElement(By.cssSelector(".govuk-pagination__next a"))::click);
		return this;
	}

	DocumentPageObject openResult(int index) {
		Browsers.andWaitForNewPage(driver,
				driver.findElements(By.cssSelector("#results .kb-result__title a")).get(index)::click);
		return new DocumentPageObject(driver);
	}

	List<WebElement> snippets() {
		return driver.findElements(By.cssSelector("#results .kb-snippet mark"));
	}

	private WebElement checkbox(String facet, String valueId) {
		return driver.findElement(By.cssSelector("input[name='" + facet + "'][value='" + valueId + "']"));
	}
}
