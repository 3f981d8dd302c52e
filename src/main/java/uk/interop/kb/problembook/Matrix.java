package uk.interop.kb.problembook;

import java.util.List;

import uk.interop.kb.taxonomy.Concept;

/**
 * Themes down, levels across. Each cell holds the number of entries mapped there and the number
 * of lessons and case studies at the same theme and level, both counted over what the audience
 * may read, the entries' list and the lessons' search with both filters applied.
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

	/**
	 * {@code searchUrl} finds the lessons and case studies counted ({@code lessons}); {@code entriesUrl} lists the
	 * entries counted ({@code entries}) on the problem-book page: two counts, two places.
	 */
	public record Cell(String theme, String level, int entries, long lessons, String searchUrl, String entriesUrl) {

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
