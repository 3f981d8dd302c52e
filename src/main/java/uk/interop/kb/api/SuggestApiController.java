package uk.interop.kb.api;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.interop.kb.search.Completions;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.web.AudienceResolver;

/** Search suggestions in the OpenSearch suggestions format: {@code ["typed", ["completion", …]]}. */
@RestController
class SuggestApiController {

	private static final int COUNT = 8;

	private final Completions completions;
	private final AudienceResolver audiences;

	SuggestApiController(Completions completions, AudienceResolver audiences) {
		this.completions = completions;
		this.audiences = audiences;
	}

	@GetMapping(path = "/api/v1/suggest", produces = { "application/x-suggestions+json", "application/json" })
	@io.swagger.v3.oas.annotations.Operation(summary = "Search suggestions as you type (OpenSearch suggestions format)")
	ResponseEntity<List<Object>> suggest(@RequestParam(defaultValue = "") String q) {
		String typed = q.length() > SearchRequest.MAX_QUERY_LENGTH ? q.substring(0, SearchRequest.MAX_QUERY_LENGTH) : q;
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(List.of(typed, completions.complete(typed, audiences.current(), COUNT)));
	}
}
