package uk.interop.kb.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import uk.interop.kb.support.TestContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles, summaries and taxonomy labels holding {@code <!--<script>}, {@code </script>} and
 * {@code <script}, which once put the HTML parser into a script state inside the page's JSON-LD and
 * swallowed the rest of the page. In a real browser, every page using them shows its whole body and
 * footer, and the JSON-LD still reads back as the original text. Its own content tree, so the labels
 * can be hostile without touching the real taxonomy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kb.index-dir=target/test-index/hostile", "kb.data-dir=target/test-data-hostile",
				"spring.datasource.url=jdbc:h2:mem:kb-hostile;DB_CLOSE_DELAY=-1", "kb.base-url=http://localhost:8080",
				"kb.cluster.enabled=false", "kb.search.semantic.enabled=false" })
@DirtiesContext
@ExtendWith(Browsers.class)
class HostileMetadataBrowserTests {

	static final Path CONTENT = Path.of("target/test-content/hostile");
	static final String TITLE = "Custody codes <!--<script> agreed first";
	static final String SUMMARY = "A summary that says </script> and <!-- in the middle";
	static final String LEVEL_LABEL = "Semantic <script";
	static final String THEME_LABEL = "Data quality <!--<script>";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) {
		try {
			FileSystemUtils.deleteRecursively(CONTENT);
			FileSystemUtils.deleteRecursively(Path.of("target/test-index/hostile"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		TestContent content = new TestContent(CONTENT);
		replace(CONTENT.resolve("taxonomy/levels.yml"), "    label: Semantic\n", "    label: \"" + LEVEL_LABEL + "\"\n");
		replace(CONTENT.resolve("taxonomy/themes.yml"), "    label: Data quality\n", "    label: \"" + THEME_LABEL + "\"\n");
		content.write("lessons/hostile-title.md", TestContent.lesson("\"" + TITLE + "\"",
				"## What happened\n\nThe osprey paragraph is visible below a hostile title.",
				"summary: \"" + SUMMARY + "\""));
		content.write("lessons/plain.md", TestContent.lesson("Plain lesson under hostile labels",
				"## What happened\n\nThe heron paragraph is visible under hostile labels."));
		registry.add("kb.content-dir", () -> CONTENT.toAbsolutePath().toString());
	}

	private static void replace(Path file, String from, String to) {
		try {
			String text = Files.readString(file);
			assertThat(text).contains(from);
			Files.writeString(file, text.replace(from, to));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/documents/lessons/hostile-title", "/documents/lessons/plain" })
	void aDocumentPageShowsItsWholeBodyAndItsJsonLdReadsBack(String path, WebDriver driver) {
		driver.get("http://localhost:" + port + path);

		String main = driver.findElement(By.tagName("main")).getText();
		boolean hostileTitle = path.endsWith("hostile-title");
		assertThat(driver.findElement(By.tagName("h1")).getText())
			.isEqualTo(hostileTitle ? TITLE : "Plain lesson under hostile labels");
		assertThat(main).contains(hostileTitle ? "The osprey paragraph is visible below a hostile title."
				: "The heron paragraph is visible under hostile labels.", LEVEL_LABEL, THEME_LABEL);
		if (hostileTitle) {
			assertThat(main).contains(SUMMARY);
		}
		assertThat(driver.findElement(By.tagName("footer")).getText()).contains("Taxonomy");
		Object headline = ((JavascriptExecutor) driver).executeScript(
				"return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent).headline");
		assertThat(headline).isEqualTo(hostileTitle ? TITLE : "Plain lesson under hostile labels");
		Object about = ((JavascriptExecutor) driver).executeScript("return JSON.parse(document.querySelector("
				+ "'script[type=\"application/ld+json\"]').textContent).about.map(a => a.name).join('|')");
		assertThat(about).isEqualTo(LEVEL_LABEL + "|" + THEME_LABEL);
		Browsers.screenshot(driver, "hostile-metadata" + path.replace('/', '-'));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/levels/semantic", "/themes/data-quality", "/search?q=osprey" })
	void pagesListingThemShowTheirWholeBody(String path, WebDriver driver) {
		driver.get("http://localhost:" + port + path);

		assertThat(driver.findElement(By.tagName("main")).getText()).isNotBlank();
		assertThat(driver.findElement(By.tagName("footer")).getText()).contains("Taxonomy");
		assertThat(driver.findElement(By.tagName("body")).getText()).contains(path.startsWith("/themes")
				? THEME_LABEL : path.startsWith("/levels") ? LEVEL_LABEL : TITLE);
	}
}
