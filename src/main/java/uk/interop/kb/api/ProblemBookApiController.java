package uk.interop.kb.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.interop.kb.problembook.Entry;
import uk.interop.kb.problembook.EntryMapping;
import uk.interop.kb.problembook.MappingExport;
import uk.interop.kb.problembook.MappingRecord;
import uk.interop.kb.problembook.Matrix;
import uk.interop.kb.problembook.ProblemBook;
import uk.interop.kb.search.web.AudienceResolver;

/**
 * The problem-book mapping as JSON: the entries with their current mapping, one entry with its
 * history, and the matrix. Only what the caller may read; an entry they may not read is a 404,
 * exactly like one that does not exist.
 */
@RestController
@RequestMapping(path = "/api/v1/problem-book", produces = "application/json")
class ProblemBookApiController {

	private final ProblemBook book;
	private final AudienceResolver audiences;

	ProblemBookApiController(ProblemBook book, AudienceResolver audiences) {
		this.book = book;
		this.audiences = audiences;
	}

	@GetMapping("/entries")
	@io.swagger.v3.oas.annotations.Operation(summary = "Problem-book entries, with their current level mappings")
	EntriesResponse entries() {
		return new EntriesResponse(book.mappings(audiences.current()).stream().map(EntrySummary::of).toList());
	}

	@GetMapping("/entries/{reference}")
	@io.swagger.v3.oas.annotations.Operation(summary = "One problem-book entry and its mapping history")
	ResponseEntity<?> entry(@PathVariable String reference) {
		return book.mapping(reference, audiences.current())
			.<ResponseEntity<?>>map(m -> ResponseEntity.ok(EntryResponse.of(m)))
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"No problem-book entry with that reference");
				problem.setTitle("Not found");
				return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
			});
	}

	@GetMapping("/matrix")
	@io.swagger.v3.oas.annotations.Operation(summary = "The problem-book matrix: themes by level, with the lessons in each cell")
	MatrixResponse matrix() {
		return MatrixResponse.of(book.matrix(audiences.current()));
	}

	record EntriesResponse(List<EntrySummary> entries) {
	}

	record EntrySummary(String reference, String title, String url, String summary, List<String> themes,
			String status, boolean mapped, List<Level> mapping) {

		static EntrySummary of(EntryMapping m) {
			Entry e = m.entry();
			return new EntrySummary(e.reference(), e.title(), e.url(), e.summary(), e.themes(), e.status(), m.isMapped(),
					m.current().stream().map(Level::of).toList());
		}
	}

	record EntryResponse(String reference, String title, String url, String documentUrl, String summary,
			List<String> themes, String status, String visibility, boolean mapped, List<Level> mapping,
			List<Change> history) {

		static EntryResponse of(EntryMapping m) {
			Entry e = m.entry();
			return new EntryResponse(e.reference(), e.title(), e.url(), e.documentUrl(), e.summary(), e.themes(),
					e.status(), e.visibility().id(), m.isMapped(), m.current().stream().map(Level::of).toList(),
					m.history().stream().map(Change::of).toList());
		}
	}

	/** A level of the current mapping. */
	record Level(String level, String state, String confidence, String rationale, String updated) {
		static Level of(MappingRecord r) {
			return new Level(r.level(), r.state().id(), r.confidence().id(), r.rationale(),
					MappingExport.timestamp(r.recordedAt()));
		}
	}

	/** One row of the history; who made it is not published here. */
	record Change(String action, String level, String state, String confidence, String rationale, String at,
			boolean fromContentFile) {
		static Change of(MappingRecord r) {
			return new Change(r.action().id(), r.level(), r.state().id(), r.confidence().id(), r.rationale(),
					MappingExport.timestamp(r.recordedAt()), r.fromContentFile());
		}
	}

	record MatrixResponse(List<String> levels, List<ThemeRow> themes) {
		static MatrixResponse of(Matrix matrix) {
			return new MatrixResponse(matrix.levels().stream().map(c -> c.id()).toList(),
					matrix.rows().stream().map(ThemeRow::of).toList());
		}
	}

	record ThemeRow(String theme, String label, List<Cell> cells) {
		static ThemeRow of(Matrix.Row row) {
			return new ThemeRow(row.theme().id(), row.theme().label(), row.cells().stream()
				.map(c -> new Cell(c.level(), c.entries(), c.lessons(), c.searchUrl())).toList());
		}
	}

	record Cell(String level, int entries, long lessons, String search) {
	}
}
