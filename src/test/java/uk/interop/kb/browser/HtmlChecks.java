package uk.interop.kb.browser;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Checks on the page's DOM that axe-core leaves to best practice or does not make: ids are unique,
 * every form control has a label, headings do not skip a level going down, there is one {@code h1},
 * and the page states its language. Each problem comes back as one readable line.
 */
final class HtmlChecks {

	private static final String CHECKS = """
			const problems = [];
			const describe = e => '<' + e.tagName.toLowerCase() + (e.id ? ' id="' + e.id + '"' : '')
			  + (e.name ? ' name="' + e.name + '"' : '') + (e.type ? ' type="' + e.type + '"' : '') + '>';
			const counts = new Map();
			document.querySelectorAll('[id]').forEach(e => counts.set(e.id, (counts.get(e.id) || 0) + 1));
			counts.forEach((n, id) => { if (n > 1) problems.push('id "' + id + '" is used ' + n + ' times'); });
			const unlabelledTypes = ['hidden', 'submit', 'button', 'reset', 'image'];
			document.querySelectorAll('input, select, textarea').forEach(e => {
			  if (e.tagName === 'INPUT' && unlabelledTypes.includes(e.type)) return;
			  const byFor = e.id && [...document.querySelectorAll('label')].some(l => l.htmlFor === e.id && l.textContent.trim());
			  const byAria = (e.getAttribute('aria-label') || '').trim() !== '';
			  const byIds = (e.getAttribute('aria-labelledby') || '').split(/\\s+/)
			    .some(id => id && document.getElementById(id) && document.getElementById(id).textContent.trim());
			  if (!byFor && !byAria && !byIds) problems.push(describe(e) + ' has no label');
			});
			// GOV.UK puts an error summary, notification banner or panel, titled with an h2, above the h1.
			const aboveH1 = '.govuk-error-summary, .govuk-notification-banner, .govuk-panel';
			let previous = 0;
			document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(h => {
			  const level = Number(h.tagName.substring(1));
			  const allowed = previous === 0 && level === 2 && h.closest(aboveH1);
			  if (level > previous + 1 && !allowed) {
			    problems.push('<' + h.tagName.toLowerCase() + '> "' + h.textContent.trim().substring(0, 60)
			      + '" skips a level after ' + (previous === 0 ? 'the start of the page' : '<h' + previous + '>'));
			  }
			  previous = allowed ? 1 : level;
			});
			const h1s = document.querySelectorAll('h1').length;
			if (h1s !== 1) problems.push(h1s + ' h1 elements, not 1');
			if (!document.documentElement.lang.trim()) problems.push('<html> has no lang');
			if (!document.title.trim()) problems.push('the page has no title');
			return problems;
			""";

	private HtmlChecks() {
	}

	@SuppressWarnings("unchecked")
	static List<String> problems(WebDriver driver) {
		return (List<String>) ((JavascriptExecutor) driver).executeScript(CHECKS);
	}
}
