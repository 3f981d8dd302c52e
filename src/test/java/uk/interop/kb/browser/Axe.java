package uk.interop.kb.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, run inside the page the browser shows now, limited to the WCAG 2.0, 2.1 and 2.2 A and
 * AA rules. The script comes from Deque's own jar on Maven Central, read from the classpath.
 */
final class Axe {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final String SCRIPT = read("axe.min.js");

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
			  .then(result => done(result.violations.map(v => ({
			    rule: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
			    nodes: v.nodes.map(n => ({
			      target: n.target.map(t => typeof t === 'string' ? t : JSON.stringify(t)),
			      html: n.html, summary: n.failureSummary || '' })) }))),
			    error => done('axe failed: ' + error));
			""";

	private Axe() {
	}

	/** One rule broken on the page, with every element that breaks it. */
	record Violation(String rule, String impact, String help, String helpUrl, List<Node> nodes) {
	}

	record Node(List<String> target, String html, String summary) {
	}

	/** The axe-core version in use, for the record. */
	static String version() {
		int start = SCRIPT.indexOf("axe v");
		return SCRIPT.substring(start + 5, SCRIPT.indexOf('\n', start)).strip();
	}

	@SuppressWarnings("unchecked")
	static List<Violation> run(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
			js.executeScript(SCRIPT);
		}
		Object result = js.executeAsyncScript(RUN, TAGS);
		if (result instanceof String failure) {
			throw new IllegalStateException(failure);
		}
		return ((List<Map<String, Object>>) result).stream().map(Axe::violation).toList();
	}

	/** Every violation on a page in a form a person can act on: rule, impact, help and the elements. */
	static String describe(String page, List<Violation> violations) {
		return violations.stream().map(v -> page + ": " + v.rule() + " (" + v.impact() + ") " + v.help() + " <"
				+ v.helpUrl() + ">" + v.nodes().stream()
					.map(n -> "\n    at " + String.join(" >> ", n.target()) + "  " + abbreviate(n.html())
							+ (n.summary().isEmpty() ? "" : "\n       " + n.summary().replace("\n", "\n       ")))
					.collect(Collectors.joining()))
			.collect(Collectors.joining("\n"));
	}

	@SuppressWarnings("unchecked")
	private static Violation violation(Map<String, Object> map) {
		List<Node> nodes = ((List<Map<String, Object>>) map.get("nodes")).stream()
			.map(n -> new Node((List<String>) n.get("target"), (String) n.get("html"), (String) n.get("summary")))
			.toList();
		return new Violation((String) map.get("rule"), (String) map.get("impact"), (String) map.get("help"),
				(String) map.get("helpUrl"), nodes);
	}

	private static String abbreviate(String html) {
		return html.length() > 160 ? html.substring(0, 157) + "..." : html;
	}

	private static String read(String resource) {
		try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test classpath (com.deque.html.axe-core:selenium)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
