package uk.interop.kb.problembook;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.web.AudienceResolver;
import uk.interop.kb.taxonomy.Taxonomy;

/** Editors: the unmapped and disputed list with suggestions, mapping decisions and new entries. */
@Controller
class ProblemBookEditorController {

	static final String REVIEW = "problembook/review";
	static final String DECISION = "problembook/decision";
	static final String NEW_ENTRY = "problembook/new-entry";

	private final ProblemBook book;
	private final MappingEditor editor;
	private final LevelSuggester suggester;
	private final Taxonomy taxonomy;
	private final AudienceResolver audiences;

	ProblemBookEditorController(ProblemBook book, MappingEditor editor, LevelSuggester suggester, Taxonomy taxonomy,
			AudienceResolver audiences) {
		this.book = book;
		this.editor = editor;
		this.suggester = suggester;
		this.taxonomy = taxonomy;
		this.audiences = audiences;
	}

	record Unmapped(EntryMapping mapping, LevelSuggester.Suggestion suggestion) {
	}

	record Disputed(EntryMapping mapping, MappingRecord record, String levelLabel, String when) {
	}

	@GetMapping("/problem-book/review")
	String review(Model model) {
		Audience audience = audiences.current();
		List<EntryMapping> all = book.mappings(audience);
		model.addAttribute("unmapped", all.stream().filter(m -> !m.isMapped())
			.map(m -> new Unmapped(m, suggester.suggest(m.entry(), audience).orElse(null))).toList());
		model.addAttribute("disputed", all.stream().flatMap(m -> m.disputed().stream()
			.map(d -> new Disputed(m, d, taxonomy.levels().label(d.level()), ProblemBookController.when(d)))).toList());
		model.addAttribute("levels", taxonomy.levels());
		return REVIEW;
	}

	@GetMapping("/problem-book/{reference}/mapping")
	String decisionForm(@PathVariable String reference, @RequestParam(required = false) String action,
			@RequestParam(required = false) String level, Model model) {
		EntryMapping mapping = book.mapping(reference, audiences.current()).orElseThrow(EntryNotFoundException::new);
		String chosenAction = MappingAction.chosen(orEmpty(action)).map(MappingAction::id).orElse("");
		String chosenLevel = taxonomy.level(orEmpty(level)).isPresent() ? level : "";
		String confidence = mapping.at(chosenLevel).map(MappingRecord::confidence)
			.filter(c -> c != Confidence.NOT_STATED).map(Confidence::id).orElse("");
		return decisionPage(mapping, new MappingEditor.Decision(chosenAction, chosenLevel, confidence, ""), Map.of(),
				model);
	}

	@PostMapping("/problem-book/{reference}/mapping")
	String decide(@PathVariable String reference, @RequestParam(required = false) String action,
			@RequestParam(required = false) String level, @RequestParam(required = false) String confidence,
			@RequestParam(required = false) String rationale, @AuthenticationPrincipal KbUser user,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		MappingEditor.Decision decision = new MappingEditor.Decision(action, level, confidence, rationale);
		MappingEditor.Outcome outcome = editor.decide(editorOf(user), reference, decision, audiences.current(),
				request.getRemoteAddr());
		if (!outcome.done()) {
			EntryMapping mapping = book.mapping(reference, audiences.current()).orElseThrow(EntryNotFoundException::new);
			return decisionPage(mapping, decision, outcome.errors(), model);
		}
		MappingAction done = MappingAction.chosen(action).orElseThrow();
		redirect.addFlashAttribute("success", done.pastTense() + ": " + taxonomy.levels().label(level));
		return "redirect:/problem-book/" + outcome.reference();
	}

	private String decisionPage(EntryMapping mapping, MappingEditor.Decision decision, Map<String, String> errors,
			Model model) {
		model.addAttribute("mapping", mapping);
		model.addAttribute("entry", mapping.entry());
		model.addAttribute("decision", new MappingEditor.Decision(orEmpty(decision.action()), orEmpty(decision.level()),
				orEmpty(decision.confidence()), orEmpty(decision.rationale())));
		model.addAttribute("errors", errors);
		model.addAttribute("actions", MappingAction.EDITOR_ACTIONS);
		model.addAttribute("levelChoices", taxonomy.levels().concepts().stream()
			.map(c -> new LevelChoice(c.id(), c.label(), mapping.at(c.id()).map(m -> "Now " + m.state().label()
					.toLowerCase(java.util.Locale.ROOT) + ", " + m.confidence().label().toLowerCase(java.util.Locale.ROOT)
					+ " confidence").orElse("Not mapped")))
			.toList());
		model.addAttribute("confidences", List.of(Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW));
		model.addAttribute("suggestion", mapping.isMapped() ? null
				: suggester.suggest(mapping.entry(), audiences.current()).orElse(null));
		return DECISION;
	}

	record LevelChoice(String id, String label, String now) {
	}

	@GetMapping("/problem-book/new")
	String newEntryForm(Model model) {
		return newEntryPage(new MappingEditor.NewEntry("", "", "", List.of(), "public"), Map.of(), model);
	}

	@PostMapping("/problem-book")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String statement, @RequestParam(required = false) List<String> themes,
			@RequestParam(required = false) String visibility, @AuthenticationPrincipal KbUser user,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		MappingEditor.NewEntry form = new MappingEditor.NewEntry(title, summary, statement, themes, visibility);
		MappingEditor.Outcome outcome = editor.create(editorOf(user), form, request.getRemoteAddr());
		if (!outcome.done()) {
			return newEntryPage(form, outcome.errors(), model);
		}
		redirect.addFlashAttribute("success", "Entry " + outcome.reference() + " created. It is not mapped to a level yet.");
		return "redirect:/problem-book/" + outcome.reference();
	}

	private String newEntryPage(MappingEditor.NewEntry form, Map<String, String> errors, Model model) {
		model.addAttribute("form", new MappingEditor.NewEntry(orEmpty(form.title()), orEmpty(form.summary()),
				orEmpty(form.statement()), form.themes(), orEmpty(form.visibility())));
		model.addAttribute("errors", errors);
		model.addAttribute("themes", taxonomy.themes().concepts());
		return NEW_ENTRY;
	}

	private static MappingEditor.Editor editorOf(KbUser user) {
		return new MappingEditor.Editor(user.getUsername(), user.displayName());
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}
}
