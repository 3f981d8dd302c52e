package uk.interop.kb.browse;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.interop.kb.assessment.LessonUptake;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.search.web.AudienceResolver;
import uk.interop.kb.submission.DocumentHistory;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.SkosWriter;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.web.BaseUrl;

@Controller
class DocumentController {

	private static final int RELATED = 5;

	private final DocumentListing listing;
	private final RelatedDocuments related;
	private final Taxonomy taxonomy;
	private final AudienceResolver audiences;
	private final SkosWriter skos;
	private final BaseUrl baseUrl;
	private final LessonUptake uptake;
	private final DocumentHistory history;

	/** What "Suggest a change" is offered on: what contributors write. */
	private static final java.util.Set<String> SUGGESTABLE = java.util.Set.of("lesson", "case-study");

	DocumentController(DocumentListing listing, RelatedDocuments related, Taxonomy taxonomy, AudienceResolver audiences,
			SkosWriter skos, BaseUrl baseUrl, LessonUptake uptake, DocumentHistory history) {
		this.history = history;
		this.listing = listing;
		this.related = related;
		this.taxonomy = taxonomy;
		this.audiences = audiences;
		this.skos = skos;
		this.baseUrl = baseUrl;
		this.uptake = uptake;
	}

	/** A document page; 404 both for an unknown id and for one this reader may not see. */
	@GetMapping("/documents/{*id}")
	String document(@PathVariable String id, Model model) {
		String slug = id.startsWith("/") ? id.substring(1) : id;
		Audience audience = audiences.current();
		IndexedDocument document = listing.document(slug, audience).orElseThrow(NotFoundException::new);
		List<Concept> levels = document.document().levels().stream().map(taxonomy::level)
			.flatMap(java.util.Optional::stream).toList();
		model.addAttribute("doc", document);
		model.addAttribute("history", history.of(document.id()));
		model.addAttribute("suggestable", SUGGESTABLE.contains(document.document().type()));
		model.addAttribute("chapters", levels.stream()
			.filter(level -> !level.text("handbook").equals(slug))
			.map(level -> listing.document(level.text("handbook"), audience).map(ch -> new Chapter(level, ch)))
			.flatMap(java.util.Optional::stream).toList());
		model.addAttribute("related", related.related(slug, audience, RELATED));
		// Members only: how many organisations acted on a lesson (counts, never which).
		if (audience.mayRead(uk.interop.kb.content.Visibility.MEMBERS)
				&& java.util.Set.of("lesson", "case-study").contains(document.document().type())) {
			model.addAttribute("uptake", uptake.of(document.id()));
		}
		String pageUrl = baseUrl.of(document.url());
		model.addAttribute("pageMetadata", DocumentMetadataTags.of(document.document(), pageUrl, taxonomy, skos));
		return "browse/document";
	}

	record Chapter(Concept level, IndexedDocument document) {
	}
}
