package uk.interop.kb.problembook;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.content.Visibility;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.web.AudienceResolver;
import uk.interop.kb.taxonomy.Taxonomy;

/** What everyone may read: the matrix and entry list, an entry's page, and the exports. */
@Controller
class ProblemBookController {

	static final String OVERVIEW = "problembook/overview";
	static final String ENTRY = "problembook/entry";
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private final ProblemBook book;
	private final Taxonomy taxonomy;
	private final AudienceResolver audiences;

	ProblemBookController(ProblemBook book, Taxonomy taxonomy, AudienceResolver audiences) {
		this.book = book;
		this.taxonomy = taxonomy;
		this.audiences = audiences;
	}

	@GetMapping("/problem-book")
	String overview(@AuthenticationPrincipal KbUser user,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String theme,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String level, Model model) {
		Audience audience = audiences.current();
		model.addAttribute("matrix", book.matrix(audience));
		// A matrix cell's entries: only a theme and level that exist narrow the list; anything else shows them all.
		boolean cell = theme != null && level != null && taxonomy.themes().concept(theme).isPresent()
				&& taxonomy.level(level).isPresent();
		model.addAttribute("mappings", cell ? book.mappings(audience, theme, level) : book.mappings(audience));
		model.addAttribute("cellTheme", cell ? taxonomy.themes().label(theme) : null);
		model.addAttribute("cellLevel", cell ? taxonomy.levels().label(level) : null);
		model.addAttribute("levels", taxonomy.levels());
		model.addAttribute("themes", taxonomy.themes());
		model.addAttribute("editor", isEditor(user));
		return OVERVIEW;
	}

	@GetMapping("/problem-book/{reference}")
	String entry(@PathVariable String reference, @AuthenticationPrincipal KbUser user, Model model) {
		Audience audience = audiences.current();
		EntryMapping mapping = book.mapping(reference, audience).orElseThrow(EntryNotFoundException::new);
		if (!mapping.reference().equals(reference)) {
			return "redirect:/problem-book/" + mapping.reference();
		}
		boolean member = audience.mayRead(Visibility.MEMBERS);
		model.addAttribute("mapping", mapping);
		model.addAttribute("entry", mapping.entry());
		model.addAttribute("current", mapping.current().stream().map(m -> new LevelCard(m,
				taxonomy.levels().label(m.level()), book.handbookChapter(m.level(), audience)
					.map(ch -> new Link(ch.document().title(), ch.url())).orElse(null), when(m), m.shownBy(member),
				actionsFor(m)))
			.toList());
		model.addAttribute("history", mapping.history().stream().map(m -> new HistoryRow(m,
				taxonomy.levels().label(m.level()), when(m), m.shownBy(member))).toList());
		model.addAttribute("related", book.relatedLessons(mapping, audience));
		model.addAttribute("themes", taxonomy.themes());
		model.addAttribute("editor", isEditor(user));
		return ENTRY;
	}

	@GetMapping("/problem-book/mapping.csv")
	ResponseEntity<String> csv() {
		String csv = MappingExport.csv(MappingExport.rows(book.mappings(audiences.current())), taxonomy);
		// The byte-order mark makes spreadsheet programs read the file as UTF-8.
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("problem-book-mapping.csv").build().toString())
			.body("\uFEFF" + csv);
	}

	@GetMapping("/problem-book/mapping.json")
	ResponseEntity<MappingJson> json() {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new MappingJson(MappingExport.rows(book.mappings(audiences.current()))));
	}

	record MappingJson(List<MappingExport.Row> rows) {
	}

	/**
	 * One level of an entry's current mapping, ready to show; {@code chapter} is null when there is
	 * none to read; {@code actions} are the decisions an editor can take on it now.
	 */
	record LevelCard(MappingRecord record, String levelLabel, Link chapter, String when, String by,
			List<MappingAction> actions) {
	}

	private static List<MappingAction> actionsFor(MappingRecord record) {
		return switch (record.state()) {
			case PROPOSED -> List.of(MappingAction.AGREE, MappingAction.DISPUTE, MappingAction.CHANGE);
			case AGREED -> List.of(MappingAction.DISPUTE, MappingAction.CHANGE);
			case DISPUTED -> List.of(MappingAction.AGREE, MappingAction.PROPOSE, MappingAction.CHANGE);
		};
	}

	record HistoryRow(MappingRecord record, String levelLabel, String when, String by) {
	}

	record Link(String text, String url) {
	}

	static String when(MappingRecord record) {
		return record.fromContentFile() ? DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
			.withZone(ZoneOffset.UTC).format(record.recordedAt()) : WHEN.format(record.recordedAt());
	}

	static boolean isEditor(KbUser user) {
		return user != null && user.role().includes(Role.EDITOR);
	}
}
