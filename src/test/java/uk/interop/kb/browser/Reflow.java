package uk.interop.kb.browser;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * WCAG 1.4.10 Reflow: at 320 CSS pixels wide the page must not scroll sideways. Wide tables and
 * code may scroll inside a region of their own ({@code overflow: auto}); anything else that
 * reaches past the right edge is a problem, named so it can be found.
 */
final class Reflow {

	/** Elements past the right edge that no scrolling ancestor contains, as tag#id.class. */
	private static final String OVERFLOWING = """
			const width = window.innerWidth;
			const scrolls = el => { for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
			  const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
			  return false; };
			const found = [];
			for (const el of document.body.querySelectorAll('*')) {
			  const r = el.getBoundingClientRect();
			  if (r.width > 0 && r.right > width + 1 && !scrolls(el)
			      && (!el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)) {
			    found.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
			      + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
			  }
			}
			return [document.documentElement.scrollWidth, width, found.slice(0, 3).join(', ')];""";

	private Reflow() {
	}

	static List<String> problemsAt320(WebDriver driver) {
		Dimension original = driver.manage().window().getSize();
		List<String> problems = new ArrayList<>();
		try {
			driver.manage().window().setSize(new Dimension(320, original.getHeight()));
			List<?> measured = (List<?>) ((JavascriptExecutor) driver).executeScript(OVERFLOWING);
			long scrollWidth = ((Number) measured.get(0)).longValue();
			long width = ((Number) measured.get(1)).longValue();
			if (scrollWidth > width) {
				problems.add("at 320 px the page is " + scrollWidth + " px wide (scrolls sideways): " + measured.get(2));
			}
		}
		finally {
			driver.manage().window().setSize(original);
		}
		return problems;
	}
}
