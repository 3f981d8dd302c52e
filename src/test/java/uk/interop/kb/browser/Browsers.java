package uk.interop.kb.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, one with JavaScript and one without, each started once for the
 * whole test run and closed at its end (JUnit's root store). Where Chromium is not installed
 * the browser tests are skipped with that reason locally, and fail on CI.
 */
public final class Browsers implements ParameterResolver {

	static final String CHROMIUM = "/usr/bin/chromium";
	static final String CHROMEDRIVER = "/usr/bin/chromedriver";
	static final Path SCREENSHOTS = Path.of("target/screenshots");

	/** Which browser a test wants. */
	public enum Kind {
		JAVASCRIPT, NO_JAVASCRIPT
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == WebDriver.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Kind kind = parameter.findAnnotation(NoJavaScript.class).isPresent() ? Kind.NO_JAVASCRIPT : Kind.JAVASCRIPT;
		boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!installed) {
			if (System.getenv("CI") != null) {
				throw new IllegalStateException("Chromium and chromedriver must be installed on CI (.ci/run installs them)");
			}
			Assumptions.abort("Chromium is not installed: apt-get install chromium chromium-driver to run browser tests");
		}
		return context.getRoot().getStore(ExtensionContext.Namespace.create(Browsers.class))
			.getOrComputeIfAbsent(kind, k -> new Browser(start(kind)), Browser.class).driver();
	}

	private static WebDriver start(Kind kind) {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1024", "--lang=en-GB");
		if (kind == Kind.NO_JAVASCRIPT) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort().build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/** Clicks something that loads a new page and waits until the old one is gone, so no assertion reads it. */
	public static void clickAndWait(WebDriver driver, org.openqa.selenium.WebElement element) {
		org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
		element.click();
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
	}

	/**
	 * Does something that loads a new page (submits a form, follows a link) and waits until the new
	 * page has loaded. A click returns before a form's POST has been answered (signing in hashes a
	 * password slowly), and a page opened or read before then would be the wrong one.
	 */
	public static void andWaitForNewPage(WebDriver driver, Runnable action) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript("window.__kbOldPage = true");
		action.run();
		waitUntil(driver, d -> Boolean.TRUE.equals(
				js.executeScript("return window.__kbOldPage !== true && document.readyState === 'complete'")));
	}

	/**
	 * Waits for something the page does after an action (a page load, results replaced), looking
	 * often: WebDriverWait's default half-second polling would add up over the journeys.
	 */
	public static void waitUntil(WebDriver driver, java.util.function.Function<WebDriver, Boolean> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(20)).until(condition::apply);
	}

	/** Saves what the browser shows now under {@code target/screenshots/NAME.png}. */
	public static Path screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private record Browser(WebDriver driver) implements ExtensionContext.Store.CloseableResource {
		@Override
		public void close() {
			driver.quit();
		}
	}
}
