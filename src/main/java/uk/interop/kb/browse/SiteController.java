package uk.interop.kb.browse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.web.BaseUrl;

/**
 * What browsers and crawlers ask a site for: an OpenSearch description, a sitemap of public pages, robots.txt.
 * Every address in them is built from {@code kb.base-url}: the OpenSearch description is cached publicly for a day.
 */
@RestController
class SiteController {

	private static final int SITEMAP_LIMIT = 50_000;

	private final DocumentListing listing;
	private final Taxonomy taxonomy;
	private final BaseUrl baseUrl;

	SiteController(DocumentListing listing, Taxonomy taxonomy, BaseUrl baseUrl) {
		this.listing = listing;
		this.taxonomy = taxonomy;
		this.baseUrl = baseUrl;
	}

	@GetMapping(path = "/opensearch.xml")
	ResponseEntity<String> openSearch() {
		String base = baseUrl.value();
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
				  <ShortName>Interop KB</ShortName>
				  <Description>Search lessons and guidance on interoperability in justice and public safety</Description>
				  <InputEncoding>UTF-8</InputEncoding>
				  <Image height="16" width="16" type="image/x-icon">%1$s/assets/images/favicon.ico</Image>
				  <Url type="text/html" method="get" template="%1$s/search?q={searchTerms}"/>
				  <Url type="application/atom+xml" method="get" template="%1$s/search.atom?q={searchTerms}"/>
				  <Url type="application/x-suggestions+json" method="get" template="%1$s/api/v1/suggest?q={searchTerms}"/>
				</OpenSearchDescription>
				""".formatted(xmlEscape(base));
		return ResponseEntity.ok().contentType(new MediaType("application", "opensearchdescription+xml",
				StandardCharsets.UTF_8)).cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).body(xml);
	}

	/** Public pages only: the sitemap is built as an anonymous reader, whoever asks. */
	@GetMapping(path = "/sitemap.xml")
	ResponseEntity<String> sitemap() {
		String base = xmlEscape(baseUrl.value());
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		url(xml, base + "/", null);
		url(xml, base + "/levels", null);
		url(xml, base + "/themes", null);
		url(xml, base + "/taxonomy", null);
		taxonomy.levels().concepts().forEach(c -> url(xml, base + "/levels/" + c.id(), null));
		taxonomy.themes().concepts().forEach(c -> url(xml, base + "/themes/" + c.id(), null));
		for (IndexedDocument doc : listing.latest(Audience.PUBLIC, SITEMAP_LIMIT, Set.of())) {
			url(xml, base + xmlEscape(doc.url()), doc.document().published().toString());
		}
		xml.append("</urlset>\n");
		return ResponseEntity.ok().contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(xml.toString());
	}

	@GetMapping(path = "/robots.txt", produces = "text/plain")
	String robots() {
		return """
				User-agent: *
				Disallow: /account
				Disallow: /admin
				Disallow: /submissions
				Disallow: /moderation
				Disallow: /sign-in
				Disallow: /search.csv
				Disallow: /search.md
				Allow: /

				Sitemap: %s/sitemap.xml
				""".formatted(baseUrl.value());
	}

	private static void url(StringBuilder xml, String loc, String lastModified) {
		xml.append("  <url><loc>").append(loc).append("</loc>");
		if (lastModified != null) {
			xml.append("<lastmod>").append(lastModified).append("</lastmod>");
		}
		xml.append("</url>\n");
	}

	static String xmlEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&apos;");
	}
}
