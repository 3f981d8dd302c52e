package uk.interop.kb.problembook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.web.Csv;

/**
 * The mapping as rows to take elsewhere: one per entry and level of its current mapping (disputed
 * ones included, with their state), and one with an empty level for an entry with no mapping at all.
 */
public final class MappingExport {

	static final List<String> HEADER = List.of("entry", "title", "themes", "level", "confidence", "rationale", "state",
			"updated");

	private MappingExport() {
	}

	/** One exported row. {@code themes} and {@code level} are concept ids; {@code updated} is ISO-8601 UTC. */
	public record Row(String entry, String title, String url, List<String> themes, String level, String confidence,
			String rationale, String state, String updated) {
		public Row {
			themes = List.copyOf(themes);
		}
	}

	public static List<Row> rows(List<EntryMapping> mappings) {
		List<Row> rows = new ArrayList<>();
		for (EntryMapping mapping : mappings) {
			Entry entry = mapping.entry();
			if (mapping.current().isEmpty()) {
				rows.add(new Row(entry.reference(), entry.title(), entry.url(), entry.themes(), "", "", "", "unmapped",
						""));
			}
			for (MappingRecord m : mapping.current()) {
				rows.add(new Row(entry.reference(), entry.title(), entry.url(), entry.themes(), m.level(),
						m.confidence().id(), m.rationale(), m.state().id(), timestamp(m.recordedAt())));
			}
		}
		return rows;
	}

	/** The CSV people open in a spreadsheet: labels rather than ids for themes and levels. */
	static String csv(List<Row> rows, Taxonomy taxonomy) {
		StringBuilder csv = new StringBuilder(Csv.row(HEADER));
		for (Row row : rows) {
			csv.append(Csv.row(List.of(row.entry(), row.title(),
					String.join("; ", row.themes().stream().map(t -> taxonomy.themes().label(t)).toList()),
					row.level().isEmpty() ? "" : taxonomy.levels().label(row.level()), row.confidence(), row.rationale(),
					row.state(), row.updated())));
		}
		return csv.toString();
	}

	/** ISO-8601 in UTC, to the second: how exports and the API write times. */
	public static String timestamp(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}
}
