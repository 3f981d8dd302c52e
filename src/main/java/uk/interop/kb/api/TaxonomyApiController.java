package uk.interop.kb.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.interop.kb.taxonomy.Taxonomy;

/** The controlled vocabularies as plain JSON (the SKOS forms are at /taxonomy.ttl and /taxonomy.jsonld). */
@RestController
class TaxonomyApiController {

	private final Taxonomy taxonomy;

	TaxonomyApiController(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	record ConceptView(String id, String label, List<String> altLabels, String definition, String scopeNote) {
	}

	record VocabularyView(String id, String label, String description, boolean proposal, List<ConceptView> concepts) {
	}

	@GetMapping(path = "/api/v1/taxonomy", produces = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "The seven controlled vocabularies and their concepts")
	List<VocabularyView> taxonomy() {
		return taxonomy.inOrder().stream()
			.map(v -> new VocabularyView(v.id(), v.label(), v.description(), v.proposal(), v.concepts().stream()
				.map(c -> new ConceptView(c.id(), c.label(), c.altLabels(), c.definition(), c.scopeNote())).toList()))
			.toList();
	}
}
