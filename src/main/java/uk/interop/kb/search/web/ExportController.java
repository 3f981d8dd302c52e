package uk.interop.kb.search.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.web.BaseUrl;

/**
 * Twins of every search URL: an Atom feed of the newest matches, and the results as CSV or a
 * Markdown briefing note. Same parameters, same access rules as the page. Absolute links are built from
 * {@code kb.base-url}, never from the request.
 */
@RestController
class ExportController {

	private static final int FEED_SIZE = 50;

	private final SearchRequestParser parser;
	private final DocumentListing listing;
	private final AudienceResolver audiences;
	private final ResultExports exports;
	private final BaseUrl baseUrl;

	ExportController(SearchRequestParser parser, DocumentListing listing, FacetLabels labels,
			AudienceResolver audiences, BaseUrl baseUrl) {
		this.parser = parser;
		this.listing = listing;
		this.audiences = audiences;
		this.exports = new ResultExports(labels);
		this.baseUrl = baseUrl;
	}

	@GetMapping("/search.atom")
	ResponseEntity<String> feed(@RequestParam MultiValueMap<String, String> params) {
		SearchRequest parsed = parser.parse(params, false, SearchRequest.DEFAULT_SIZE).request();
		Audience audience = audiences.current();
		List<IndexedDocument> documents = listing.matches(parsed.withSort(SearchRequest.Sort.NEWEST), audience,
				FEED_SIZE);
		String base = baseUrl.value();
		String pageUrl = base + SearchUrls.of(parsed.withPage(1, parsed.size()));
		String title = "Interop KB: " + (parsed.query().isEmpty() ? "newest documents" : "“" + parsed.query() + "”")
				+ (parsed.filters().isEmpty() ? "" : " (filtered)");
		String xml = AtomFeed.write(title, base + "/search.atom" + query(pageUrl), pageUrl, documents, base);
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
			.cacheControl(cache(audience))
			.body(xml);
	}

	@GetMapping("/search.csv")
	ResponseEntity<byte[]> csv(@RequestParam MultiValueMap<String, String> params) {
		SearchRequest parsed = parser.parse(params, false, SearchRequest.DEFAULT_SIZE).request();
		Audience audience = audiences.current();
		String csv = exports.csv(listing.matches(parsed, audience, ResultExports.MAX_ROWS), baseUrl.value());
		return download(csv, "interop-kb-results.csv", new MediaType("text", "csv", StandardCharsets.UTF_8), audience);
	}

	@GetMapping("/search.md")
	ResponseEntity<byte[]> briefing(@RequestParam MultiValueMap<String, String> params) {
		SearchRequest parsed = parser.parse(params, false, SearchRequest.DEFAULT_SIZE).request();
		Audience audience = audiences.current();
		String md = exports.briefing(parsed, listing.matches(parsed, audience, ResultExports.MAX_ROWS), baseUrl.value(),
				LocalDate.now(ZoneOffset.UTC));
		return download(md, "interop-kb-briefing.md", new MediaType("text", "markdown", StandardCharsets.UTF_8),
				audience);
	}

	private static ResponseEntity<byte[]> download(String body, String fileName, MediaType type, Audience audience) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.cacheControl(cache(audience))
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

	/** Members' results must never sit in a shared cache. */
	private static CacheControl cache(Audience audience) {
		return audience.mayRead(uk.interop.kb.content.Visibility.MEMBERS) ? CacheControl.noStore()
				: CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic();
	}

	private static String query(String url) {
		int q = url.indexOf('?');
		return q < 0 ? "" : url.substring(q);
	}
}
