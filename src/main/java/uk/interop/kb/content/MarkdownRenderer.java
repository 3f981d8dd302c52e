package uk.interop.kb.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to safe HTML. Raw HTML is escaped and URLs limited by commonmark; the OWASP
 * sanitiser then applies an allow-list as a second, independent line of defence. The
 * parser and renderers are thread-safe and built once.
 */
public final class MarkdownRenderer {

	/** Longest body rendered; anything longer is cut (submissions are capped well below this). */
	public static final int MAX_MARKDOWN = 512 * 1024;

	private static final Pattern GOVUK_CLASSES = Pattern.compile("govuk-[a-z0-9_-]+(?: govuk-[a-z0-9_-]+)*");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "code", "pre",
				"blockquote", "hr", "br", "a", "table", "thead", "tbody", "tr", "th", "td", "del")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href").onElements("a")
		.requireRelsOnLinks("noopener", "noreferrer")
		.allowAttributes("id").matching(Pattern.compile("[a-z0-9][a-z0-9_-]{0,100}")).onElements("h2", "h3", "h4",
				"h5", "h6")
		.allowAttributes("class").matching(GOVUK_CLASSES).globally()
		.allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
		.allowAttributes("scope").matching(Pattern.compile("col|row")).onElements("th")
		.toFactory();

	private static final Map<Class<? extends Node>, String> CLASSES = Map.of(Paragraph.class, "govuk-body",
			BulletList.class, "govuk-list govuk-list--bullet", OrderedList.class, "govuk-list govuk-list--number",
			Link.class, "govuk-link", BlockQuote.class, "govuk-inset-text", ThematicBreak.class,
			"govuk-section-break govuk-section-break--m govuk-section-break--visible", TableBlock.class, "govuk-table",
			TableHead.class, "govuk-table__head", TableBody.class, "govuk-table__body", TableRow.class,
			"govuk-table__row");

	private final Parser parser;
	private final HtmlRenderer htmlRenderer;
	private final TextContentRenderer textRenderer;

	public MarkdownRenderer() {
		List<Extension> extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
		this.parser = Parser.builder().extensions(extensions).maxOpenBlockParsers(64).maxInlineNesting(32).build();
		this.htmlRenderer = HtmlRenderer.builder()
			.extensions(extensions)
			.escapeHtml(true)
			.sanitizeUrls(true)
			.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
			.attributeProviderFactory(context -> GOVUK_ATTRIBUTES)
			.build();
		this.textRenderer = TextContentRenderer.builder().extensions(extensions).build();
	}

	public RenderedMarkdown render(String markdown) {
		String source = markdown.length() > MAX_MARKDOWN ? markdown.substring(0, MAX_MARKDOWN) : markdown;
		Node document = parser.parse(source);
		List<RenderedMarkdown.Heading> headings = demoteAndCollectHeadings(document);
		String html = POLICY.sanitize(htmlRenderer.render(document));
		return new RenderedMarkdown(html, headings, textRenderer.render(document));
	}

	/**
	 * The page title is the page's only h1, so body headings start at h2. Ids are generated
	 * the way the heading-anchor extension generates them, in document order, so the
	 * contents list links land on the rendered headings.
	 */
	private static List<RenderedMarkdown.Heading> demoteAndCollectHeadings(Node document) {
		IdGenerator ids = IdGenerator.builder().build();
		List<RenderedMarkdown.Heading> headings = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				if (heading.getLevel() == 1) {
					heading.setLevel(2);
				}
				String text = TEXT.render(heading).strip();
				String id = ids.generateId(text);
				if (heading.getLevel() == 2) {
					headings.add(new RenderedMarkdown.Heading(id, text));
				}
			}
		});
		return headings;
	}

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private static final AttributeProvider GOVUK_ATTRIBUTES = (node, tagName, attributes) -> {
		String cssClass = CLASSES.get(node.getClass());
		if (node instanceof Heading heading) {
			cssClass = heading.getLevel() <= 2 ? "govuk-heading-m" : "govuk-heading-s";
		}
		else if (node instanceof TableCell cell) {
			cssClass = cell.isHeader() ? "govuk-table__header" : "govuk-table__cell";
			if (cell.isHeader()) {
				attributes.put("scope", "col");
			}
		}
		else if (node instanceof Code) {
			cssClass = null;
		}
		if (cssClass != null) {
			attributes.put("class", cssClass);
		}
	};
}
