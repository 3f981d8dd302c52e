package uk.interop.kb.browse;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.interop.kb.content.Document;
import uk.interop.kb.taxonomy.SkosWriter;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.web.HtmlSafeJson;

/**
 * Standard metadata for a document page: Dublin Core {@code <meta>} tags and schema.org JSON-LD
 * whose {@code about} points at the SKOS concepts of its levels and themes, and the page's canonical address
 * ({@code pageUrl}, built from {@code kb.base-url}).
 */
record DocumentMetadataTags(List<Meta> meta, String jsonLd, String canonical) {

	record Meta(String name, String content) {
	}

	static DocumentMetadataTags of(Document d, String pageUrl, Taxonomy taxonomy, SkosWriter skos) {
		List<Meta> meta = new ArrayList<>();
		meta.add(new Meta("DC.title", d.title()));
		meta.add(new Meta("DC.description", d.summary()));
		meta.add(new Meta("DC.date", d.published().toString()));
		meta.add(new Meta("DC.type", taxonomy.vocabulary(Taxonomy.TYPES).label(d.type())));
		meta.add(new Meta("DC.language", "en-GB"));
		meta.add(new Meta("DC.publisher", "Interop KB"));
		meta.add(new Meta("DC.identifier", pageUrl));
		d.levels().forEach(l -> meta.add(new Meta("DC.subject", taxonomy.levels().label(l))));
		d.themes().forEach(t -> meta.add(new Meta("DC.subject", taxonomy.themes().label(t))));
		d.authors().forEach(a -> meta.add(new Meta("DC.creator", a)));
		if (!d.source().isEmpty()) {
			meta.add(new Meta("DC.source", d.source()));
		}

		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", d.type().equals("case-study") || d.type().equals("forum-writeup") ? "Report" : "Article");
		ld.put("@id", pageUrl);
		ld.put("url", pageUrl);
		ld.put("headline", d.title());
		ld.put("name", d.title());
		ld.put("description", d.summary());
		ld.put("dateCreated", d.published().toString());
		ld.put("datePublished", d.published().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
		ld.put("inLanguage", "en-GB");
		ld.put("publisher", Map.of("@type", "Organization", "name", "Interop KB"));
		List<Map<String, String>> about = new ArrayList<>();
		d.levels().forEach(l -> about.add(Map.of("@id", skos.conceptUri(Taxonomy.LEVELS, l).toString(), "name",
				taxonomy.levels().label(l))));
		d.themes().forEach(t -> about.add(Map.of("@id", skos.conceptUri(Taxonomy.THEMES, t).toString(), "name",
				taxonomy.themes().label(t))));
		ld.put("about", about);
		if (!d.authors().isEmpty()) {
			ld.put("author", d.authors().stream().map(a -> Map.of("@type", "Organization", "name", a)).toList());
		}
		// Embedded in a <script> block: < > & escaped, so no title or label can end it or blank the page.
		return new DocumentMetadataTags(meta, HtmlSafeJson.write(ld), pageUrl);
	}
}
