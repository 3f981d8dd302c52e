package uk.interop.kb.problembook;

import java.util.List;

import uk.interop.kb.taxonomy.Concept;

/**
 * Themes down, levels across. Each cell holds the number of entries mapped there and the number
 * of lessons and case studies at the same theme and level, both counted over what the audience
 * may read, and the search link with both filters applied.
 */
public record Matrix(List<Concept> levels, List<Row> rows) {

	public Matrix {
		levels = List.copyOf(levels);
		rows = List.copyOf(rows);
	}

	public record Row(Concept theme, List<Cell> cells) {
		public Row {
			cells = List.copyOf(cells);
		}
	}

	public record Cell(String theme, String level, int entries, long lessons, String searchUrl) {

		/** Nothing at all here: no entry and no evidence. */
		public boolean empty() {
			return entries == 0 && lessons == 0;
		}

		/** Entries are mapped here but no lesson or case study backs them yet. */
		public boolean lacksEvidence() {
			return entries > 0 && lessons == 0;
		}
	}

	public Cell cell(String theme, String level) {
		return rows.stream().filter(r -> r.theme().id().equals(theme)).flatMap(r -> r.cells().stream())
			.filter(c -> c.level().equals(level)).findFirst().orElseThrow();
	}
}
