package uk.interop.kb.submission;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.FrontMatterParser;
import uk.interop.kb.content.ParsedFile;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Between the form and the Markdown file a revision stores: the same format as {@code content/},
 * so an exported submission passes {@code validate} and can be committed as it is. SnakeYAML writes
 * the front matter, so whatever a person types is quoted correctly.
 */
final class SubmissionMarkdown {

	private final FrontMatterParser parser;

	SubmissionMarkdown(Taxonomy taxonomy) {
		this.parser = new FrontMatterParser(taxonomy);
	}

	String write(String documentId, SubmissionForm form, LocalDate published, String author) {
		Map<String, Object> front = new LinkedHashMap<>();
		front.put("id", documentId);
		front.put("title", form.title());
		front.put("type", form.type());
		front.put("summary", form.summary());
		front.put("levels", form.levels());
		front.put("themes", form.themes());
		if (!form.organisations().isEmpty()) {
			front.put("organisations", form.organisations());
		}
		if (!form.sectors().isEmpty()) {
			front.put("sector", form.sectors());
		}
		if (!form.outcome().isEmpty()) {
			front.put("outcome", form.outcome());
		}
		if (!form.barriers().isEmpty()) {
			front.put("barriers", form.barriers());
		}
		front.put("published", published.toString());
		front.put("authors", List.of(author));
		front.put("visibility", form.visibility());
		if (!form.source().isEmpty()) {
			front.put("source", form.source());
		}
		front.put("illustrative", false);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setWidth(100);
		options.setSplitLines(true);
		String yaml = new Yaml(options).dump(front);
		String body = form.body().endsWith("\n") ? form.body() : form.body() + "\n";
		return "---\n" + yaml + "---\n\n" + body;
	}

	/** The form a stored or uploaded file describes; values the taxonomy does not know are dropped. */
	SubmissionForm read(String markdown, LocalDate today) {
		ParsedFile parsed = parser.parse("contributions/upload.md", markdown, today);
		Document d = parsed.document().orElseThrow(() -> new UnreadableFileException(parsed.problems().isEmpty()
				? "The file could not be read" : parsed.problems().get(0).format()));
		return new SubmissionForm(d.title(), d.summary(), d.type(), d.levels(), d.themes(), d.organisations(),
				d.sectors(), d.outcome(), d.barriers(), d.visibility().id(), d.source(), parsed.body().strip() + "\n");
	}

	/** The id a file declares in its front matter, if any (exported files do). */
	String declaredId(String markdown, LocalDate today) {
		ParsedFile parsed = parser.parse("contributions/upload.md", markdown, today);
		return parsed.document().map(Document::id).filter(id -> !id.equals("contributions/upload")).orElse("");
	}

	ParsedFile parse(String markdown, LocalDate today) {
		return parser.parse("contributions/upload.md", markdown, today);
	}

	/** An uploaded file that cannot be turned into a form; the message says why. */
	static class UnreadableFileException extends RuntimeException {
		UnreadableFileException(String message) {
			super(message, null, false, false);
		}
	}
}
