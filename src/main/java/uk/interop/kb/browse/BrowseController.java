package uk.interop.kb.browse;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.SearchResults;
import uk.interop.kb.search.web.AudienceResolver;
import uk.interop.kb.search.web.SearchUrls;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;

/** The home page and browsing by interoperability level and problem-book theme. */
@Controller
class BrowseController {

	private static final int LATEST = 5;
	private static final int PER_BROWSE_PAGE = 50;

	private final Taxonomy taxonomy;
	private final FacetedSearch search;
	private final DocumentListing listing;
	private final AudienceResolver audiences;

	BrowseController(Taxonomy taxonomy, FacetedSearch search, DocumentListing listing, AudienceResolver audiences) {
		this.taxonomy = taxonomy;
		this.search = search;
		this.listing = listing;
		this.audiences = audiences;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("levels", taxonomy.levels().concepts());
		model.addAttribute("themes", taxonomy.themes());
		model.addAttribute("latest", listing.latest(audiences.current(), LATEST,
				Set.of("lesson", "case-study", "forum-writeup")));
		model.addAttribute("fromThePublicRecord", search.search(new SearchRequest("", Map.of(Facet.TYPE,
				Set.of("lesson", "case-study"), Facet.PROVENANCE, Set.of("real")), SearchRequest.Sort.RELEVANCE, 1, 1),
				audiences.current()).total());
		model.addAttribute("publicRecordUrl", SearchUrls.of(new SearchRequest("", Map.of(Facet.TYPE,
				Set.of("lesson", "case-study"), Facet.PROVENANCE, Set.of("real")), SearchRequest.Sort.RELEVANCE, 1,
				SearchRequest.DEFAULT_SIZE)));
		return "browse/home";
	}

	@GetMapping("/levels")
	String levels(Model model) {
		model.addAttribute("levels", taxonomy.levels().concepts());
		return "browse/levels";
	}

	@GetMapping("/themes")
	String themes(Model model) {
		model.addAttribute("themes", taxonomy.themes());
		return "browse/themes";
	}

	@GetMapping("/levels/{id}")
	String level(@PathVariable String id, Model model) {
		Concept level = taxonomy.level(id).orElseThrow(NotFoundException::new);
		model.addAttribute("concept", level);
		model.addAttribute("handbook", listing.document(level.text("handbook"), audiences.current()));
		addDocuments(model, Facet.LEVEL, id);
		return "browse/level";
	}

	@GetMapping("/themes/{id}")
	String theme(@PathVariable String id, Model model) {
		Concept theme = taxonomy.theme(id).orElseThrow(NotFoundException::new);
		model.addAttribute("concept", theme);
		model.addAttribute("proposal", taxonomy.themes().proposal());
		addDocuments(model, Facet.THEME, id);
		return "browse/theme";
	}

	private void addDocuments(Model model, Facet facet, String id) {
		SearchRequest request = new SearchRequest("", java.util.Map.of(facet, Set.of(id)), SearchRequest.Sort.NEWEST,
				1, PER_BROWSE_PAGE);
		SearchResults results = search.search(request, audiences.current());
		model.addAttribute("results", results);
		model.addAttribute("searchUrl", SearchUrls.filtered(facet, id));
	}
}
