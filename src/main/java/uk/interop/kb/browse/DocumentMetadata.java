package uk.interop.kb.browse;

import java.util.ArrayList;
import java.util.List;

import uk.interop.kb.content.Document;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.web.SearchUrls;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * The rows of a document page's summary list; each controlled value links to its facet search. Public because the
 * page's fragment (shared with the contributor's preview) reads it through {@link DocumentPages}.
 */
public record DocumentMetadata(List<Row> rows) {

	public record Row(String key, List<Value> values) {
	}

	public record Value(String label, String url) {
	}

	static DocumentMetadata of(Document d, Taxonomy taxonomy) {
		List<Row> rows = new ArrayList<>();
		add(rows, "Type", Facet.TYPE, List.of(d.type()), taxonomy);
		add(rows, "Interoperability levels", Facet.LEVEL, d.levels(), taxonomy);
		add(rows, "Problem-book themes", Facet.THEME, d.themes(), taxonomy);
		add(rows, "Organisations", Facet.ORGANISATION, d.organisations(), taxonomy);
		add(rows, "Sector", Facet.SECTOR, d.sectors(), taxonomy);
		add(rows, "Outcome", Facet.OUTCOME, d.outcome().isEmpty() ? List.of() : List.of(d.outcome()), taxonomy);
		add(rows, "Barriers", Facet.BARRIER, d.barriers(), taxonomy);
		if (!d.sourceType().isEmpty() || !d.sourceDate().isEmpty()) {
			List<Value> source = new ArrayList<>();
			if (!d.sourceType().isEmpty()) {
				source.add(new Value(taxonomy.vocabulary(Facet.SOURCE_TYPE.vocabulary()).label(d.sourceType()),
						SearchUrls.filtered(Facet.SOURCE_TYPE, d.sourceType())));
			}
			if (!d.sourceDate().isEmpty()) {
				source.add(new Value(java.time.LocalDate.parse(d.sourceDate()).format(
						java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)),
						SearchUrls.filtered(Facet.SOURCE_YEAR, d.sourceYear())));
			}
			SourceText.of(d.source()).firstUrl().ifPresent(url -> source.add(new Value(
					"Read the source on " + host(url), url)));
			rows.add(new Row("Source", source));
		}
		if (!d.reference().isEmpty()) {
			rows.add(new Row("Reference", List.of(new Value(d.reference(), ""))));
		}
		rows.add(new Row("Published", List.of(new Value(
				d.published().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)),
				SearchUrls.filtered(Facet.YEAR, Integer.toString(d.published().getYear()))))));

		if (!d.authors().isEmpty()) {
			rows.add(new Row("Authors", d.authors().stream().map(a -> new Value(a, "")).toList()));
		}
		return new DocumentMetadata(rows);
	}

	private static String host(String url) {
		try {
			String host = java.net.URI.create(url).getHost();
			return host == null ? url : host.replaceFirst("^www\\.", "");
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

	private static void add(List<Row> rows, String key, Facet facet, List<String> ids, Taxonomy taxonomy) {
		if (ids.isEmpty()) {
			return;
		}
		rows.add(new Row(key, ids.stream()
			.map(id -> new Value(taxonomy.vocabulary(facet.vocabulary()).label(id), SearchUrls.filtered(facet, id)))
			.toList()));
	}
}
