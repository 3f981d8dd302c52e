package uk.interop.kb.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.SearchPerformed;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.SearchResults;
import uk.interop.kb.search.web.AudienceResolver;
import uk.interop.kb.search.web.SearchRequestParser;

/** The JSON search API. Errors are RFC 9457 problem details naming the bad parameter. */
@RestController
@RequestMapping(path = "/api/v1", produces = { "application/json", "application/problem+json" })
class SearchApiController {

	private final FacetedSearch search;
	private final DocumentListing listing;
	private final ApplicationEventPublisher events;
	private final SearchRequestParser parser;
	private final AudienceResolver audiences;

	SearchApiController(FacetedSearch search, DocumentListing listing, SearchRequestParser parser,
			AudienceResolver audiences, ApplicationEventPublisher events) {
		this.search = search;
		this.listing = listing;
		this.events = events;
		this.parser = parser;
		this.audiences = audiences;
	}

	@GetMapping("/search")
	@io.swagger.v3.oas.annotations.Operation(summary = "Search, with every facet's counts")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "One page of results",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SearchResponse.class)))
	ResponseEntity<?> search(@RequestParam MultiValueMap<String, String> params) {
		// Review dates are editorial information: only editors get the review facet (review=due, reviewDue, reviewBy).
		SearchRequest.Review review = audiences.reviewFacet();
		boolean editor = review.shown();
		SearchRequestParser.Parsed parsed = parser.parse(params, true, SearchRequest.DEFAULT_SIZE, review);
		if (!parsed.valid()) {
			SearchRequestParser.ParamError first = parsed.errors().get(0);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					first.param() + ": " + first.message());
			problem.setTitle("Bad search parameter");
			problem.setProperty("parameter", first.param());
			problem.setProperty("errors", parsed.errors());
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		SearchResults results = search.search(parsed.request(), audiences.current());
		if (parsed.request().page() == 1 && !parsed.request().query().isBlank()) {
			events.publishEvent(new SearchPerformed(parsed.request().query(), results.total()));
		}
		return ResponseEntity.ok(SearchResponse.of(results, editor));
	}

	@GetMapping("/documents/{*id}")
	@io.swagger.v3.oas.annotations.Operation(summary = "One document: metadata and rendered HTML")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The document",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = DocumentResponse.class)))
	ResponseEntity<?> document(@PathVariable String id) {
		String slug = id.startsWith("/") ? id.substring(1) : id;
		return listing.document(slug, audiences.current())
			.<ResponseEntity<?>>map(d -> ResponseEntity.ok()
				.lastModified(d.document().published().atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
				.body(DocumentResponse.of(d)))
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"No document with that id");
				problem.setTitle("Not found");
				return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			});
	}

	/**
	 * {@code correctedQuery}: set when nothing matched the words as typed and these are the results for
	 * the corrected words (send {@code exact=true} to turn that off); {@code suggestion}: a correction
	 * that would find more; {@code suggestedFilters}: taxonomy concepts the query names.
	 */
	/** {@code reviewDue}, for editors only: how many of the matches are due for review (absent for anyone else). */
	record SearchResponse(String query, long total, int page, int size, List<Result> results,
			Map<String, List<FacetValue>> facets, String suggestion, String correctedQuery,
			List<SuggestedFilter> suggestedFilters, @JsonInclude(JsonInclude.Include.NON_NULL) Long reviewDue) {

		static SearchResponse of(SearchResults r, boolean editor) {
			Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
			r.facets().forEach(f -> facets.put(f.facet().param(), f.values().stream()
				.map(v -> new FacetValue(v.id(), v.label(), v.count(), v.selected())).toList()));
			return new SearchResponse(r.request().query(), r.total(), r.request().page(), r.request().size(),
					r.hits().stream().map(hit -> Result.of(hit, editor)).toList(), facets, r.suggestion().orElse(null),
					r.correctedQuery().orElse(null), r.suggestedFilters().stream()
						.map(f -> new SuggestedFilter(f.facet().param(), f.id(), f.label())).toList(),
					r.reviewDueCount().isPresent() ? Long.valueOf(r.reviewDueCount().getAsLong()) : null);
		}
	}

	record SuggestedFilter(String facet, String id, String label) {
	}

	/** {@code reviewBy}, for editors only and where the document has one: the day it is due for review. */
	record Result(String id, String title, String type, String url, String summary, String snippet,
			List<String> levels, List<String> themes, LocalDate published, boolean illustrative,
			@JsonInclude(JsonInclude.Include.NON_NULL) String reviewBy) {

		static Result of(SearchResults.Hit hit, boolean editor) {
			var d = hit.document().document();
			return new Result(d.id(), d.title(), d.type(), hit.document().url(), d.summary(), hit.snippetHtml(),
					d.levels(), d.themes(), d.published(), d.illustrative(),
					editor && !d.reviewBy().isEmpty() ? d.reviewBy() : null);
		}
	}

	record FacetValue(String id, String label, long count, boolean selected) {
	}

	record DocumentResponse(String id, String title, String type, String url, String summary, List<String> levels,
			List<String> themes, List<String> organisations, List<String> sectors, String outcome,
			List<String> barriers, LocalDate published, List<String> authors, String visibility, String source,
			String sourceType, String sourceDate, boolean illustrative, String reference, String html) {

		static DocumentResponse of(IndexedDocument doc) {
			var d = doc.document();
			return new DocumentResponse(d.id(), d.title(), d.type(), doc.url(), d.summary(), d.levels(), d.themes(),
					d.organisations(), d.sectors(), d.outcome(), d.barriers(), d.published(), d.authors(),
					d.visibility().id(), d.source(), d.sourceType(), d.sourceDate(), d.illustrative(), d.reference(),
					doc.html());
		}
	}
}
