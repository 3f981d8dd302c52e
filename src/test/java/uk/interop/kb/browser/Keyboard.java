package uk.interop.kb.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * A person with a keyboard: Tab, Enter and Space, and what they can see of where focus is. Every
 * element that Tab reaches is checked for a visible focus indicator on the way.
 */
final class Keyboard {

	/** Most tabs to reach anything on our pages; far more means it is not reachable in practice. */
	private static final int MOST_TABS = 250;

	/**
	 * Describes the focused element and whether its focus can be seen: a focused style that differs
	 * from its unfocused one and draws an outline that is not transparent, or a box shadow. GOV.UK
	 * checkboxes and radios hide the input and draw focus on the label's {@code ::before}.
	 */
	private static final String FOCUS = """
			const el = document.activeElement;
			if (!el || el === document.body) return { element: 'body', visible: false, style: '', matches: false };
			const drawn = el.matches('.govuk-checkboxes__input, .govuk-radios__input')
			  ? [document.querySelector('label[for="' + CSS.escape(el.id) + '"]'), '::before'] : [el, null];
			const style = () => {
			  const s = getComputedStyle(drawn[0], drawn[1]);
			  return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,
			    boxShadow: s.boxShadow, background: s.backgroundColor, color: s.color };
			};
			const focused = style();
			el.blur();
			const unfocused = style();
			el.focus();
			const transparent = /transparent|rgba\\(\\d+, \\d+, \\d+, 0\\)/.test(focused.outlineColor);
			const outline = focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) > 0 && !transparent;
			const changed = JSON.stringify(focused) !== JSON.stringify(unfocused);
			const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().substring(0, 40);
			return { element: '<' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '> ' + text,
			  visible: changed && (outline || focused.boxShadow !== 'none'), style: JSON.stringify(focused),
			  matches: !!arguments[0] && el.matches(arguments[0]) };
			""";

	private final WebDriver driver;
	private final List<String> invisibleFocus = new ArrayList<>();

	Keyboard(WebDriver driver) {
		this.driver = driver;
	}

	void tab() {
		press(Keys.TAB);
	}

	void press(CharSequence key) {
		new Actions(driver).sendKeys(key).perform();
	}

	/** Whether the focused element matches a CSS selector. */
	boolean focusIsOn(String selector) {
		return Boolean.TRUE.equals(script("return document.activeElement.matches(arguments[0])", selector));
	}

	String focusedId() {
		return String.valueOf(script("return document.activeElement.id"));
	}

	/** Presses Tab until the focused element matches the selector, checking each focus on the way. */
	int tabTo(String selector) {
		for (int tabs = 1; tabs <= MOST_TABS; tabs++) {
			tab();
			if (Boolean.TRUE.equals(checkFocus(selector).get("matches"))) {
				return tabs;
			}
		}
		throw new AssertionError("Tab never reached " + selector + " in " + MOST_TABS + " presses");
	}

	/** Checks the focused element now, and remembers it if its focus cannot be seen. */
	boolean checkFocusIsVisible() {
		return Boolean.TRUE.equals(checkFocus(null).get("visible"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> checkFocus(String selector) {
		Map<String, Object> focus = (Map<String, Object>) script(FOCUS, selector);
		if (!Boolean.TRUE.equals(focus.get("visible"))) {
			invisibleFocus.add(driver.getCurrentUrl() + " " + focus.get("element") + " " + focus.get("style"));
		}
		return focus;
	}

	/** Every element reached so far whose focus could not be seen. */
	List<String> invisibleFocus() {
		return List.copyOf(invisibleFocus);
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}
}
