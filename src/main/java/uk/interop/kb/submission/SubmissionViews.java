package uk.interop.kb.submission;

import java.util.Map;
import java.util.Optional;

import org.springframework.ui.Model;

import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.ParsedFile;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.taxonomy.Taxonomy;

/** Model attributes the contributor's and the editor's pages share: the form's choices and the preview. */
final class SubmissionViews {

	private final Taxonomy taxonomy;
	private final MarkdownRenderer renderer;
	private final RelatedDocuments related;
	private final SubmissionMarkdown markdown;

	SubmissionViews(Taxonomy taxonomy, MarkdownRenderer renderer, RelatedDocuments related) {
		this.taxonomy = taxonomy;
		this.renderer = renderer;
		this.related = related;
		this.markdown = new SubmissionMarkdown(taxonomy);
	}

	void formChoices(Model model) {
		model.addAttribute("levels", taxonomy.levels().concepts());
		model.addAttribute("themes", taxonomy.themes().concepts());
		model.addAttribute("organisations", taxonomy.vocabulary(Taxonomy.ORGANISATIONS).concepts());
		model.addAttribute("sectors", taxonomy.vocabulary(Taxonomy.SECTORS).concepts());
		model.addAttribute("outcomes", taxonomy.vocabulary(Taxonomy.OUTCOMES).concepts());
		model.addAttribute("barriers", taxonomy.vocabulary(Taxonomy.BARRIERS).concepts());
		model.addAttribute("types", java.util.List.of(new Choice("lesson", "Lesson"), new Choice("case-study",
				"Case study")));
		model.addAttribute("visibilities", java.util.List.of(new Choice("public", "Everyone"), new Choice("members",
				"Forum members only")));
		model.addAttribute("maxBody", SubmissionForm.MAX_BODY);
		model.addAttribute("maxSummary", SubmissionForm.MAX_SUMMARY);
	}

	/** The preview: exactly what publishing renders, through the same sanitising renderer. */
	void preview(Model model, String text, Audience audience) {
		ParsedFile parsed = markdown.parse(text, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
		uk.interop.kb.content.RenderedMarkdown rendered = renderer.render(parsed.body());
		model.addAttribute("previewHtml", rendered.html());
		model.addAttribute("previewHeadings", rendered.headings());
		model.addAttribute("previewDocument", parsed.document().orElse(null));
		String sample = parsed.document().map(d -> d.title() + "\n" + d.summary()).orElse("");
		model.addAttribute("similar", related.similarTo(sample, audience, 5).stream()
			.filter(d -> parsed.document().map(p -> !p.id().equals(d.id())).orElse(true)).toList());
	}

	String label(String vocabulary, String id) {
		return taxonomy.vocabulary(vocabulary).label(id);
	}

	static Map<String, String> none() {
		return Map.of();
	}

	static Optional<SubmissionStatus> status(String name) {
		try {
			return name == null || name.isBlank() ? Optional.empty() : Optional.of(SubmissionStatus.valueOf(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}
}
