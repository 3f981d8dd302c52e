package uk.interop.kb.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 320 CSS pixel wide screen (WCAG 1.4.10 Reflow): no page scrolls sideways, filters can still
 * be reached and used, and axe-core finds nothing at that width either.
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class NarrowScreenBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void pagesReflowAt320PixelsAndFiltersStillWork(WebDriver driver) {
		Dimension original = driver.manage().window().getSize();
		driver.manage().deleteAllCookies();
		driver.manage().window().setSize(new Dimension(320, 900));
		try {
			String base = "http://localhost:" + port;
			assertThat(innerWidth(driver)).as("the viewport is 320 px wide").isEqualTo(320);

			for (String path : new String[] { "/", "/search?q=data", "/documents/handbook/overview", "/taxonomy" }) {
				driver.get(base + path);
				assertThat(scrollWidth(driver)).as("no horizontal scrolling on " + path).isLessThanOrEqualTo(innerWidth(driver));
				assertThat(Axe.run(driver)).as(() -> Axe.describe(path + " at 320 px", Axe.run(driver))).isEmpty();
			}
			Browsers.screenshot(driver, "narrow-1-taxonomy");

			driver.get(base + "/");
			Browsers.screenshot(driver, "narrow-2-home");
			assertThat(driver.findElement(By.id("home-q")).getSize().getWidth()).as("room to type a search")
				.isGreaterThanOrEqualTo(150);
			SearchPageObject search = new SearchPageObject(driver).open(base, "data");
			assertThat(driver.findElement(By.id("q")).getSize().getWidth()).isGreaterThanOrEqualTo(150);
			long before = search.total();
			Browsers.screenshot(driver, "narrow-3-search");
			driver.findElement(By.id("filter-toggle")).click();

			search.tick("level", "foundational");

			assertThat(search.tags()).containsExactly("Interoperability level: Foundational");
			assertThat(search.total()).isLessThan(before);
			assertThat(driver.findElement(By.xpath("//button[normalize-space()='Apply filters']")).isDisplayed()).isTrue();
			assertThat(scrollWidth(driver)).isLessThanOrEqualTo(innerWidth(driver));
			Browsers.screenshot(driver, "narrow-4-filtered");

			search.openResult(0);

			assertThat(scrollWidth(driver)).isLessThanOrEqualTo(innerWidth(driver));
			Browsers.screenshot(driver, "narrow-5-document");
		}
		finally {
			driver.manage().window().setSize(original);
		}
	}

	private static long innerWidth(WebDriver driver) {
		return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).longValue();
	}

	private static long scrollWidth(WebDriver driver) {
		return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth"))
			.longValue();
	}
}
