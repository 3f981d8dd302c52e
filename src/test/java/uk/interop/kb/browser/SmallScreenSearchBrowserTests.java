package uk.interop.kb.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page on a phone (375 by 667 CSS pixels): the result count is on the first screen,
 * the filters wait behind a "Filter" button (GOV.UK finder style), and without JavaScript they
 * stay on the page after the count. On a wide screen there is no button and the filters show.
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class SmallScreenSearchBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void onAPhoneTheCountIsOnTheFirstScreenAndTheFiltersOpenFromAButton(WebDriver driver) {
		Dimension original = driver.manage().window().getSize();
		driver.manage().deleteAllCookies();
		driver.manage().window().setSize(new Dimension(375, 667));
		try {
			SearchPageObject search = new SearchPageObject(driver).open(base(), "information sharing");
			WebElement count = driver.findElement(By.id("result-count"));
			WebElement toggle = driver.findElement(By.id("filter-toggle"));
			WebElement filters = driver.findElement(By.id("search-filters"));

			assertThat(bottom(driver, count)).as("the result count ends within the first 667 px").isLessThanOrEqualTo(667);
			assertThat(toggle.isDisplayed()).isTrue();
			assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
			assertThat(toggle.getDomAttribute("aria-controls")).isEqualTo("search-filters");
			assertThat(filters.isDisplayed()).as("filters closed at first").isFalse();
			assertThat(Axe.run(driver)).as(() -> Axe.describe("search at 375 px, filters closed", Axe.run(driver)))
				.isEmpty();
			Browsers.screenshot(driver, "phone-1-search");

			toggle.click();

			assertThat(driver.findElement(By.id("search-filters")).isDisplayed()).isTrue();
			assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
			assertThat(Axe.run(driver)).as(() -> Axe.describe("search at 375 px, filters open", Axe.run(driver)))
				.isEmpty();
			long before = search.total();
			search.tick("level", "semantic");

			assertThat(search.total()).isLessThan(before);
			assertThat(search.tags()).containsExactly("Interoperability level: Semantic");
			assertThat(driver.findElement(By.id("search-filters")).isDisplayed())
				.as("the filters stay open while the results update in place").isTrue();
			Browsers.screenshot(driver, "phone-2-filtered");

			driver.findElement(By.id("filter-toggle")).click();
			assertThat(driver.findElement(By.id("search-filters")).isDisplayed()).isFalse();
		}
		finally {
			driver.manage().window().setSize(original);
		}
	}

	@Test
	void onAWideScreenThereIsNoButtonAndTheFiltersShow(WebDriver driver) {
		Dimension original = driver.manage().window().getSize();
		driver.manage().window().setSize(new Dimension(1280, 900));
		try {
			new SearchPageObject(driver).open(base(), "information sharing");

			assertThat(driver.findElement(By.id("filter-toggle")).isDisplayed()).isFalse();
			assertThat(driver.findElement(By.id("search-filters")).isDisplayed()).isTrue();
		}
		finally {
			driver.manage().window().setSize(original);
		}
	}

	@Test
	void withoutJavaScriptTheFiltersFollowTheCountAndThereIsNoButton() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(base() + "/search?q=information+sharing")).build(),
				HttpResponse.BodyHandlers.ofString());

		String html = page.body();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(html.indexOf("id=\"result-count\"")).as("the count comes first").isPositive()
			.isLessThan(html.indexOf("id=\"search-filters\""));
		assertThat(html.indexOf("id=\"search-filters\"")).isLessThan(html.indexOf("id=\"search-results-body\""));
		assertThat(html).as("the button is made by the script").doesNotContain("filter-toggle\"");
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static long bottom(WebDriver driver, WebElement element) {
		return ((Number) ((JavascriptExecutor) driver)
			.executeScript("return Math.ceil(arguments[0].getBoundingClientRect().bottom)", element)).longValue();
	}
}
