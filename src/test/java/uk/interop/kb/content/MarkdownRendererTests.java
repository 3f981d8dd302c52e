package uk.interop.kb.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"[click](javascript:alert(1))", "[click](JaVaScRiPt:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)",
			"<a href=\"javascript:alert(1)\">x</a>", "<iframe src=\"https://evil.example\"></iframe>",
			"![img](javascript:alert(1))", "<div onclick=\"alert(1)\">x</div>", "<svg onload=alert(1)>",
			"[x](vbscript:msgbox(1))", "<style>body{display:none}</style>" })
	void hostileMarkupNeverSurvives(String markdown) {
		String html = renderer.render("Intro\n\n" + markdown + "\n").html().toLowerCase();

		assertThat(html).doesNotContainPattern("<(script|img|iframe|svg|style|div)\\b")
			.doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=")
			.doesNotContainPattern("(href|src)\\s*=\\s*\"?\\s*(javascript|vbscript|data):");
	}

	@Test
	void rawHtmlIsShownAsText() {
		String html = renderer.render("<b>bold?</b>").html();

		assertThat(html).contains("&lt;b&gt;bold?&lt;/b&gt;").doesNotContain("<b>");
	}

	@Test
	void safeLinksKeepTheirTargetsAndGetGovukClasses() {
		String html = renderer.render("[a](https://example.org/x) [b](/documents/handbook/semantic) [c](mailto:a@b.c)")
			.html();

		assertThat(html).contains("href=\"https://example.org/x\"", "href=\"/documents/handbook/semantic\"",
				"href=\"mailto:a&#64;b.c\"", "class=\"govuk-link\"");
	}

	@Test
	void headingsGetIdsThatTheContentsListUses() {
		RenderedMarkdown rendered = renderer.render("# Top\n\n## What happened\n\ntext\n\n## What we learned\n\n### Detail\n");

		assertThat(rendered.headings()).extracting(RenderedMarkdown.Heading::text)
			.containsExactly("Top", "What happened", "What we learned");
		for (RenderedMarkdown.Heading heading : rendered.headings()) {
			assertThat(rendered.html()).contains("id=\"" + heading.id() + "\"");
		}
		assertThat(rendered.html()).doesNotContain("<h1").contains("<h2", "<h3");
	}

	@Test
	void tablesRenderAsGovukTables() {
		String html = renderer.render("| Level | Example |\n|---|---|\n| Semantic | POLE |\n").html();

		assertThat(html).contains("<table class=\"govuk-table\"", "<th", "scope=\"col\"", "POLE");
	}

	@Test
	void plainTextHasNoMarkup() {
		RenderedMarkdown rendered = renderer.render("## Heading\n\nSome **bold** and [a link](https://x.org).");

		assertThat(rendered.plainText()).contains("Heading", "Some bold and", "a link").doesNotContain("**", "<");
	}

	@Test
	void deeplyNestedInputRendersWithoutBlowingTheStack() {
		String nested = ">".repeat(50_000) + " deep\n" + "[".repeat(50_000) + "x" + "](y)".repeat(1000) + "\n"
				+ "*".repeat(50_000) + "\n";

		RenderedMarkdown rendered = renderer.render(nested);

		assertThat(rendered.html()).isNotNull();
	}
}
