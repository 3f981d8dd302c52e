package uk.interop.kb.search.web;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import uk.interop.kb.content.Document;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.web.Csv;

/**
 * The current results as a CSV file or a Markdown briefing note, for people preparing briefings
 * for chief officers. Both list only what the search returned for this reader.
 */
final class ResultExports {

	static final int MAX_ROWS = 500;

	private final FacetLabels labels;

	ResultExports(FacetLabels labels) {
		this.labels = labels;
	}

	String csv(List<IndexedDocument> documents, String baseUrl) {
		StringBuilder csv = new StringBuilder(Csv.row(List.of("title", "url", "type", "levels", "themes",
				"organisations", "sectors", "outcome", "published", "illustrative", "summary")));
		for (IndexedDocument doc : documents) {
			Document d = doc.document();
			csv.append(Csv.row(List.of(d.title(), baseUrl + doc.url(), label(Facet.TYPE, d.type()),
					labels(Facet.LEVEL, d.levels()), labels(Facet.THEME, d.themes()),
					labels(Facet.ORGANISATION, d.organisations()), labels(Facet.SECTOR, d.sectors()),
					d.outcome().isEmpty() ? "" : label(Facet.OUTCOME, d.outcome()), d.published().toString(),
					// Read out of context, an invented example must not pass for a real one.
					d.illustrative() ? "yes" : "no", d.summary())));
		}
		return csv.toString();
	}

	String briefing(SearchRequest request, List<IndexedDocument> documents, String baseUrl, LocalDate today) {
		StringBuilder md = new StringBuilder();
		md.append("# Interop KB briefing: ")
			.append(request.query().isEmpty() ? "selected documents" : "“" + escape(request.query()) + "”")
			.append("\n\n");
		md.append("Prepared ").append(today).append(" from Interop KB (").append(baseUrl)
			.append(SearchUrls.of(request.withPage(1, request.size()))).append(").\n\n");
		md.append("## Filters used\n\n");
		if (request.query().isEmpty() && request.filters().isEmpty()) {
			md.append("- None: every document\n");
		}
		if (!request.query().isEmpty()) {
			md.append("- Search terms: ").append(escape(request.query())).append('\n');
		}
		request.filters().forEach((facet, values) -> md.append("- ").append(facet.label()).append(": ")
			.append(values.stream().sorted().map(v -> label(facet, v)).collect(Collectors.joining(", ")))
			.append('\n'));
		md.append("\n## Documents (").append(documents.size()).append(")\n\n");
		for (IndexedDocument doc : documents) {
			Document d = doc.document();
			md.append("### [").append(escape(d.title())).append("](").append(baseUrl).append(doc.url()).append(")\n\n");
			md.append(escape(d.summary())).append("\n\n");
			md.append("- Type: ").append(label(Facet.TYPE, d.type())).append('\n');
			if (!d.levels().isEmpty()) {
				md.append("- Levels: ").append(labels(Facet.LEVEL, d.levels())).append('\n');
			}
			if (!d.themes().isEmpty()) {
				md.append("- Themes: ").append(labels(Facet.THEME, d.themes())).append('\n');
			}
			md.append("- Published: ").append(d.published()).append('\n');
			if (d.illustrative()) {
				md.append("- Illustrative example: invented for demonstration\n");
			}
			md.append('\n');
		}
		return md.toString();
	}

	private String label(Facet facet, String id) {
		return labels.label(facet, id);
	}

	private String labels(Facet facet, List<String> ids) {
		return ids.stream().map(id -> label(facet, id)).collect(Collectors.joining("; "));
	}

	/** Markdown characters that would turn text into links, emphasis or HTML are escaped. */
	static String escape(String text) {
		return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replace("\n", " ");
	}
}
