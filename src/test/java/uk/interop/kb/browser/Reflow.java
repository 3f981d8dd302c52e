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
			// Is el clipped by a scrolling ancestor? Absolutely positioned boxes (GOV.UK's visually hidden text) are
			// clipped only by a scroller that is, or sits inside, their containing block; fixed ones never are.
			const scrolls = (el, position = 'static') => {
			  if (position === 'fixed') return false;
			  let contained = position !== 'absolute';
			  for (let e = el; e && e !== document.body; e = e.parentElement) {
			    const style = getComputedStyle(e); const o = style.overflowX;
			    contained = contained || style.position !== 'static';
			    if ((o === 'auto' || o === 'scroll' || o === 'hidden') && contained) return true; }
			  return false; };
			const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
			  + (el.className && typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
			const found = [];
			for (const el of document.body.querySelectorAll('*')) {
			  const r = el.getBoundingClientRect();
			  const position = getComputedStyle(el).position;
			  const escapes = position === 'absolute' || position === 'fixed';
			  if (r.width > 0 && r.right > width + 1 && !scrolls(el.parentElement, position)
			      && (escapes || !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)) {
			    found.push(name(el));
			  }
			}
			// Text that does not wrap (a long link or token) overflows its element without widening it.
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			const range = document.createRange();
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			  if (!node.textContent.trim() || scrolls(node.parentElement)) continue;
			  range.selectNodeContents(node);
			  const r = range.getBoundingClientRect();
			  if (r.width > 0 && r.right > width + 1 && node.parentElement.getBoundingClientRect().right <= width + 1) {
			    found.push('text "' + node.textContent.trim().slice(0, 30) + '" in ' + name(node.parentElement));
			  }
			}
			return [document.documentElement.scrollWidth, width, found.slice(0, 4).join(', ')];""";

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
