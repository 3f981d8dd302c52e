package uk.interop.kb.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's tools find what they are there to find, on a page made to fail them. */
@ExtendWith(Browsers.class)
class AuditToolsTests {

	private static final String BROKEN = """
			<!DOCTYPE html><html><head><title>Broken</title></head><body>
			<h1>One</h1><h1>Two</h1>
			<h3>Skipped a level</h3>
			<p id="twice">a</p><p id="twice">b</p>
			<form><input id="unlabelled" name="unlabelled"><select name="s"><option>x</option></select>
			<input type="hidden" name="fine"><button type="submit">Go</button></form>
			<p style="color:#bbb;background:#fff">Too little contrast</p>
			<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
			</body></html>
			""";

	private static void open(WebDriver driver) {
		driver.get("data:text/html;charset=utf-8," + URLEncoder.encode(BROKEN, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	@Test
	void axeReportsBrokenWcagRulesWithTheirElements(WebDriver driver) {
		open(driver);

		var violations = Axe.run(driver);

		assertThat(violations).extracting(Axe.Violation::rule).contains("html-has-lang", "label", "select-name",
				"color-contrast", "image-alt");
		assertThat(Axe.describe("broken page", violations)).contains("broken page: label (critical)", "#unlabelled");
	}

	@Test
	void theKeyboardNoticesFocusThatCannotBeSeen(WebDriver driver) {
		driver.get("data:text/html;charset=utf-8," + URLEncoder.encode("""
				<!DOCTYPE html><html lang="en"><head><title>Focus</title><style>
				#hidden:focus { outline: none; } #shown:focus { outline: 3px solid #fd0; }
				</style></head><body><a id="hidden" href="#">No focus style</a> <a id="shown" href="#">Focus style</a>
				</body></html>""", StandardCharsets.UTF_8).replace("+", "%20"));
		Keyboard keyboard = new Keyboard(driver);

		keyboard.tabTo("#shown");

		assertThat(keyboard.invisibleFocus()).singleElement().asString().contains("<a#hidden> No focus style");
	}

	@Test
	void htmlChecksReportIdsLabelsHeadingsAndLanguage(WebDriver driver) {
		open(driver);

		assertThat(HtmlChecks.problems(driver)).containsExactlyInAnyOrder("id \"twice\" is used 2 times",
				"<input id=\"unlabelled\" name=\"unlabelled\" type=\"text\"> has no label",
				"<select name=\"s\" type=\"select-one\"> has no label",
				"<h3> \"Skipped a level\" skips a level after <h1>", "2 h1 elements, not 1", "<html> has no lang");
	}
}
