package uk.interop.kb.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search with the keyboard alone: the skip link, a filter ticked with Space, "Apply filters"
 * with Enter, then results and pagination, with focus visible on everything Tab reaches.
 */
@KbApplicationTest
@ExtendWith(Browsers.class)
class KeyboardJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void searchCanBeNarrowedAndPagedWithTheKeyboardAlone(WebDriver driver) {
		driver.manage().deleteAllCookies();
		driver.get("http://localhost:" + port + "/search");
		Keyboard keyboard = new Keyboard(driver);
		SearchPageObject search = new SearchPageObject(driver);

		keyboard.tab();

		assertThat(keyboard.focusIsOn("a.govuk-skip-link[href='#main-content']")).as("Tab from the top").isTrue();
		assertThat(keyboard.checkFocusIsVisible()).as("the skip link shows when focused").isTrue();
		Browsers.screenshot(driver, "keyboard-1-skip-link");

		keyboard.press(Keys.ENTER);

		assertThat(keyboard.focusedId()).as("the skip link moves focus to the main content").isEqualTo("main-content");

		keyboard.tabTo("#search-filters input[type='checkbox'][name='level']");
		String filter = keyboard.focusedId();
		search.whileUpdating(() -> keyboard.press(Keys.SPACE));

		assertThat(driver.findElement(By.id(filter)).isSelected()).isTrue();
		assertThat(keyboard.focusedId()).as("focus stays on the filter as the results update").isEqualTo(filter);
		Browsers.screenshot(driver, "keyboard-2-filter");

		keyboard.tabTo("#search-filters button");
		Browsers.andWaitForNewPage(driver, () -> keyboard.press(Keys.ENTER));

		assertThat(driver.getCurrentUrl()).contains("level=");
		assertThat(search.tags()).hasSize(1);
		assertThat(search.total()).as("enough results for a second page").isGreaterThan(20);

		keyboard.tabTo("#results .kb-result__title a");
		Browsers.screenshot(driver, "keyboard-3-result");
		keyboard.tabTo(".govuk-pagination__next a");
		Browsers.screenshot(driver, "keyboard-4-pagination");
		Browsers.andWaitForNewPage(driver, () -> keyboard.press(Keys.ENTER));

		assertThat(search.currentPage()).isEqualTo(2);
		assertThat(keyboard.invisibleFocus()).as("elements reached by Tab whose focus cannot be seen").isEmpty();
	}
}
