package uk.interop.kb.browser;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.content.Document;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search and narrow, with and without JavaScript: a keyword, two levels and a theme, a tag
 * removed, newest first, page 2, a result, a related document. With JavaScript the filters update
 * the results in place; without it the same journey goes through "Apply filters" and "Sort".
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class SearchJourneyBrowserTests {

	/** Broad enough that two levels still need a second page of 20. */
	private static final String KEYWORD = "data";
	private static final String THEME = "data-standards-semantics";

	@LocalServerPort
	int port;

	/** Files and published submissions: what the shared app's index holds. */
	@org.springframework.beans.factory.annotation.Autowired
	uk.interop.kb.support.Corpus corpus;

	private String base() {
		return "http://localhost:" + port;
	}

	@Test
	void searchAndNarrowWithJavaScript(WebDriver driver) {
		journey(driver, "js");
	}

	@Test
	void searchAndNarrowWithoutJavaScript(@NoJavaScript WebDriver driver) {
		journey(driver, "nojs");
		assertThat(driver.findElement(By.tagName("body")).getDomAttribute("class")).doesNotContain("js-enabled");
	}

	private void journey(WebDriver driver, String name) {
		driver.manage().deleteAllCookies();
		SearchPageObject search = new SearchPageObject(driver).open(base(), KEYWORD);
		boolean js = search.enhanced();
		assertThat(js).as("search.js enhances the page exactly when JavaScript is on").isEqualTo(name.equals("js"));
		long everything = search.total();
		String organisationalBefore = search.countLabel("level", "organisational");
		assertThat(search.snippets()).isNotEmpty();
		Browsers.screenshot(driver, name + "-1-search");
		markPage(driver);

		search.tick("level", "semantic").tick("level", "structural").tick("theme", THEME);
		if (!js) {
			search.applyFilters();
		}

		assertThat(pageKept(driver)).as("filters update in place only with JavaScript").isEqualTo(js);
		long expected = corpus.documents().stream().filter(Document::isPublic)
			.filter(d -> d.levels().contains("semantic") || d.levels().contains("structural"))
			.filter(d -> d.themes().contains(THEME)).count();
		long narrowed = search.total();
		assertThat(narrowed).isPositive().isLessThan(everything).isLessThanOrEqualTo(expected);
		assertThat(search.tags()).containsExactlyInAnyOrder("Interoperability level: Semantic",
				"Interoperability level: Structural", "Problem-book theme: Data standards and semantics");
		assertThat(search.countLabel("level", "organisational")).as("counts follow the theme filter")
			.matches("\\(\\d+\\)").isNotEqualTo(organisationalBefore);
		assertThat(driver.getCurrentUrl()).contains("level=semantic", "level=structural", "theme=" + THEME);
		Browsers.screenshot(driver, name + "-2-narrowed");

		search.removeTag("Data standards");

		assertThat(search.tags()).containsExactlyInAnyOrder("Interoperability level: Semantic",
				"Interoperability level: Structural");
		long twoLevels = search.total();
		assertThat(twoLevels).isGreaterThan(narrowed).as("enough for a second page").isGreaterThan(20);

		search.sortBy("Newest");

		List<LocalDate> firstPage = search.resultDates();
		assertThat(firstPage).hasSize(20).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(driver.getCurrentUrl()).contains("sort=newest");
		assertThat(search.total()).isEqualTo(twoLevels);
		Browsers.screenshot(driver, name + "-3-newest");

		search.nextPage();

		assertThat(search.currentPage()).isEqualTo(2);
		List<LocalDate> secondPage = search.resultDates();
		assertThat(secondPage).hasSize((int) Math.min(20, twoLevels - 20)).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(secondPage.get(0)).isBeforeOrEqualTo(firstPage.get(firstPage.size() - 1));
		assertThat(search.tags()).hasSize(2);
		Browsers.screenshot(driver, name + "-4-page-2");

		String title = search.resultTitles().get(0);
		DocumentPageObject document = search.openResult(0);

		assertThat(document.title()).isEqualTo(title);
		assertThat(driver.getTitle()).isEqualTo(title + " – Interop KB");
		assertThat(document.metadata()).containsAnyOf("Semantic", "Structural");
		assertThat(document.related()).isNotEmpty();
		Browsers.screenshot(driver, name + "-5-document");

		String related = document.related().get(0);
		DocumentPageObject next = document.openRelated(0);

		assertThat(next.title()).isEqualTo(related);
		assertThat(driver.getTitle()).isEqualTo(related + " – Interop KB");
		Browsers.screenshot(driver, name + "-6-related");
	}

	@Test
	void tickingAFilterUpdatesResultsInPlaceAndBackRestoresThem(WebDriver driver) {
		driver.manage().deleteAllCookies();
		SearchPageObject search = new SearchPageObject(driver).open(base(), KEYWORD);
		String address = driver.getCurrentUrl();
		String count = search.resultCount();
		String title = driver.getTitle();
		assertThat(driver.findElement(By.id("search-results")).getDomAttribute("data-title")).isEqualTo(title);
		markPage(driver);

		search.tick("level", "foundational");

		assertThat(pageKept(driver)).as("no full reload").isTrue();
		assertThat(search.resultCount()).isNotEqualTo(count);
		assertThat(search.ticked("level", "foundational")).isTrue();
		assertThat(driver.getCurrentUrl()).isEqualTo(base() + "/search?q=" + KEYWORD + "&level=foundational");
		assertThat(search.tags()).containsExactly("Interoperability level: Foundational");
		assertThat(driver.getTitle()).startsWith("Search results for “data”")
			.isEqualTo(driver.findElement(By.id("search-results")).getDomAttribute("data-title"));
		assertThat(activeElementId(driver)).as("focus stays on the filter").isEqualTo("level-foundational");
		assertThat(driver.findElement(By.id("result-count")).getDomAttribute("aria-live")).isEqualTo("polite");

		search.sortBy("Newest");

		assertThat(pageKept(driver)).isTrue();
		assertThat(driver.getCurrentUrl()).endsWith("&level=foundational&sort=newest");
		assertThat(activeElementId(driver)).isEqualTo("sort");

		search.whileUpdating(() -> driver.navigate().back());

		assertThat(pageKept(driver)).isTrue();
		assertThat(driver.getCurrentUrl()).endsWith("&level=foundational");
		assertThat(search.sortOrder()).isEqualTo("Most relevant");

		search.whileUpdating(() -> driver.navigate().back());

		assertThat(pageKept(driver)).as("back restores without a reload").isTrue();
		assertThat(driver.getCurrentUrl()).isEqualTo(address);
		assertThat(search.resultCount()).isEqualTo(count);
		assertThat(driver.getTitle()).isEqualTo(title);
		assertThat(search.ticked("level", "foundational")).isFalse();
		assertThat(search.tags()).isEmpty();
	}

	private static String activeElementId(WebDriver driver) {
		return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.activeElement.id"));
	}

	/** Marks the document in the browser: the mark survives in-place updates, not a page load. */
	private static void markPage(WebDriver driver) {
		((JavascriptExecutor) driver).executeScript("window.__kbNoReload = true");
	}

	private static boolean pageKept(WebDriver driver) {
		Browsers.waitUntil(driver,
				d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.__kbNoReload === true"));
	}
}
