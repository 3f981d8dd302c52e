package uk.interop.kb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.content.Document;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RealContent;

/** Search, tick two levels, see counts and tags, remove a tag, open a document: with and without JavaScript. */
@KbApplicationTest
@ExtendWith(Browsers.class)
class SearchJourneyBrowserTests {

	@LocalServerPort
	int port;

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
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("js-enabled");
	}

	private void journey(WebDriver driver, String name) {
		SearchPageObject search = new SearchPageObject(driver).open(base(), "interoperability");
		long everything = search.total();
		assertThat(everything).isPositive();
		assertThat(search.snippets()).isNotEmpty();
		Browsers.screenshot(driver, name + "-1-search");

		search.tick("level", "semantic").tick("level", "foundational").applyFilters();

		long expected = RealContent.documents().stream().filter(Document::isPublic)
			.filter(d -> d.levels().contains("semantic") || d.levels().contains("foundational")).count();
		long withBoth = search.total();
		assertThat(withBoth).isLessThanOrEqualTo(expected).isLessThan(everything).isPositive();
		assertThat(search.tags()).containsExactlyInAnyOrder("Interoperability level: Semantic",
				"Interoperability level: Foundational");
		assertThat(search.countLabel("level", "structural")).matches("\\(\\d+\\)");
		Browsers.screenshot(driver, name + "-2-two-levels");

		search.removeTag("Foundational");

		assertThat(search.tags()).containsExactly("Interoperability level: Semantic");
		assertThat(search.total()).isLessThanOrEqualTo(withBoth);
		String firstTitle = search.resultTitles().get(0);
		search.openResult(0);

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(firstTitle);
		assertThat(driver.getTitle()).isEqualTo(firstTitle + " – Interop KB");
		assertThat(driver.findElement(By.cssSelector(".govuk-summary-list")).getText()).contains("Semantic");
		Browsers.screenshot(driver, name + "-3-document");
	}
}
