package uk.interop.kb.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The search results page, as a person uses it. */
final class SearchPageObject {

	private final WebDriver driver;

	SearchPageObject(WebDriver driver) {
		this.driver = driver;
	}

	SearchPageObject open(String baseUrl, String query) {
		driver.get(baseUrl + "/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
		return this;
	}

	SearchPageObject tick(String facet, String valueId) {
		WebElement box = driver.findElement(By.cssSelector("input[name='" + facet + "'][value='" + valueId + "']"));
		WebElement details = box.findElement(By.xpath("ancestor::details"));
		if (details.getAttribute("open") == null) {
			details.findElement(By.tagName("summary")).click();
		}
		driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
		return this;
	}

	SearchPageObject applyFilters() {
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Apply filters']")));
		return this;
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
		Browsers.clickAndWait(driver, driver.findElements(By.cssSelector(".kb-filter-tag")).stream()
			.filter(e -> e.getText().contains(text)).findFirst().orElseThrow());
		return this;
	}

	String countLabel(String facet, String valueId) {
		WebElement box = driver.findElement(By.cssSelector("input[name='" + facet + "'][value='" + valueId + "']"));
		return driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "'] .kb-count"))
			.getAttribute("textContent");
	}

	List<String> resultTitles() {
		return driver.findElements(By.cssSelector("#results .kb-result__title a")).stream().map(WebElement::getText)
			.toList();
	}

	void openResult(int index) {
		Browsers.clickAndWait(driver, driver.findElements(By.cssSelector("#results .kb-result__title a")).get(index));
	}

	List<WebElement> snippets() {
		return driver.findElements(By.cssSelector("#results .kb-snippet mark"));
	}
}
