package uk.interop.kb.search;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


@Controller
class SearchController {

	static final String VIEW = "search/results";

	private final SearchService search;
	private final SearchRequestParser parser;
	private final AudienceResolver audiences;

	SearchController(SearchService search, SearchRequestParser parser, AudienceResolver audiences) {
		this.search = search;
		this.parser = parser;
		this.audiences = audiences;
	}

	@GetMapping("/search")
	String search(@RequestParam MultiValueMap<String, String> params, Model model) {
		SearchRequestParser.Parsed parsed = parser.parse(params, false, SearchRequest.DEFAULT_SIZE);
		SearchRequest request = parsed.request();
		List<SearchRequestParser.ParamError> errors = parsed.errors();
		if (!errors.isEmpty()) {
			// Shown in the GOV.UK error pattern; the filters still work on what is left.
			request = new SearchRequest("", request.filters(), request.sort(), 1, request.size());
		}
		SearchResults results = search.search(request, audiences.current());
		model.addAttribute("page", SearchPage.of(results));
		model.addAttribute("errors", errors);
		model.addAttribute("typed", params.getFirst("q") == null ? "" : params.getFirst("q"));
		model.addAttribute("sorts", SearchRequest.Sort.values());
		return VIEW;
	}
}
