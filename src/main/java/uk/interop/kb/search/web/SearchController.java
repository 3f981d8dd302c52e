package uk.interop.kb.search.web;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.SearchPerformed;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.SearchResults;

@Controller
class SearchController {

	static final String VIEW = "search/results";

	/** What {@code /js/search.js} gets instead of the whole page: the filters and results alone. */
	static final String FRAGMENT = VIEW + " :: results";

	/** The request header, and its value, by which a script asks for {@link #FRAGMENT}. */
	static final String FRAGMENT_HEADER = "X-Requested-With";
	static final String FRAGMENT_HEADER_VALUE = "fetch";

	private final FacetedSearch search;
	private final SearchRequestParser parser;
	private final AudienceResolver audiences;
	private final ApplicationEventPublisher events;

	SearchController(FacetedSearch search, SearchRequestParser parser, AudienceResolver audiences,
			ApplicationEventPublisher events) {
		this.search = search;
		this.parser = parser;
		this.audiences = audiences;
		this.events = events;
	}

	@GetMapping("/search")
	String search(@RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = FRAGMENT_HEADER, required = false) String requestedWith, Model model,
			HttpServletResponse response) {
		SearchRequest.Review review = audiences.reviewFacet();
		SearchRequestParser.Parsed parsed = parser.parse(params, false, SearchRequest.DEFAULT_SIZE, review);
		SearchRequest request = parsed.request();
		List<SearchRequestParser.ParamError> errors = parsed.errors();
		if (!errors.isEmpty()) {
			// Shown in the GOV.UK error pattern; the filters still work on what is left.
			request = new SearchRequest("", request.filters(), request.sort(), 1, request.size())
				.withReview(request.review());
		}
		SearchResults results = search.search(request, audiences.current());
		if (request.page() == 1 && !request.query().isBlank() && !FRAGMENT_HEADER_VALUE.equals(requestedWith)) {
			events.publishEvent(new SearchPerformed(request.query(), results.total()));
		}
		SearchPage page = SearchPage.of(results);
		model.addAttribute("page", page);
		model.addAttribute("pageTitle", (errors.isEmpty() ? "" : "Error: ") + page.title());
		model.addAttribute("errors", errors);
		model.addAttribute("typed", params.getFirst("q") == null ? "" : params.getFirst("q"));
		model.addAttribute("sorts", SearchRequest.Sort.values());
		// The page and the fragment share a URL: caches must keep them apart.
		response.addHeader("Vary", FRAGMENT_HEADER);
		return FRAGMENT_HEADER_VALUE.equals(requestedWith) ? FRAGMENT : VIEW;
	}
}
