package uk.interop.kb.assessment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.search.web.AudienceResolver;
import uk.interop.kb.taxonomy.Taxonomy;

/** The organisation's improvement actions: the list with filters, recording and updating one, and its case study. */
@Controller
class ActionController {

	static final String LIST = "assessment/actions";
	static final String FORM = "assessment/action-form";
	static final String VIEW = "assessment/action";

	private final ActionService actions;
	private final Members members;
	private final AudienceResolver audiences;
	private final Taxonomy taxonomy;

	ActionController(ActionService actions, Members members, AudienceResolver audiences, Taxonomy taxonomy) {
		this.actions = actions;
		this.members = members;
		this.audiences = audiences;
		this.taxonomy = taxonomy;
	}

	@GetMapping("/assessments/actions")
	String list(@AuthenticationPrincipal KbUser user, @RequestParam(required = false) List<String> status,
			@RequestParam(defaultValue = "false") String overdue, @RequestParam(defaultValue = "") String level,
			Model model) {
		if (members.of(user).isEmpty()) {
			// The self-assessment page explains what is missing: an organisation.
			return "redirect:/assessments";
		}
		Member member = members.require(user);
		Set<ActionStatus> statuses = EnumSet.noneOf(ActionStatus.class);
		(status == null ? List.<String>of() : status).forEach(s -> ActionStatus.fromId(s).ifPresent(statuses::add));
		String chosenLevel = taxonomy.levels().contains(level) ? level : "";
		ActionService.Filter filter = new ActionService.Filter(statuses, overdue.equals("true"), chosenLevel);
		model.addAttribute("actions", actions.list(member, filter));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", ActionStatus.values());
		model.addAttribute("levels", taxonomy.levels().concepts());
		model.addAttribute("today", actions.today());
		model.addAttribute("organisation", members.label(member.organisation()));
		return LIST;
	}

	@GetMapping("/assessments/actions/new")
	String newForm(@AuthenticationPrincipal KbUser user, @RequestParam(required = false) List<String> lesson,
			@RequestParam(required = false) List<String> indicator, @RequestParam(required = false) Long assessment,
			Model model) {
		if (members.of(user).isEmpty()) {
			return "redirect:/assessments";
		}
		return form(model, ActionForm.starting(lesson == null ? List.of() : lesson,
				indicator == null ? List.of() : indicator, assessment), Map.of(), null);
	}

	@PostMapping("/assessments/actions")
	String create(@AuthenticationPrincipal KbUser user, @ModelAttribute ActionForm form, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		Member member = members.require(user);
		ActionService.Saved saved = actions.create(member, form, audiences.current(), request.getRemoteAddr());
		if (!saved.ok()) {
			return form(model, form, saved.errors(), null);
		}
		redirect.addFlashAttribute("success", "Action recorded");
		return "redirect:/assessments/actions/" + saved.id().orElseThrow();
	}

	@GetMapping("/assessments/actions/{id}")
	String view(@AuthenticationPrincipal KbUser user, @PathVariable long id, Model model) {
		Member member = members.require(user);
		ImprovementAction action = actions.get(member, id);
		model.addAttribute("action", action);
		model.addAttribute("events", actions.events(member, id));
		model.addAttribute("lessons", actions.lessons(action, audiences.current()));
		model.addAttribute("indicators", indicatorLabels(action));
		model.addAttribute("today", actions.today());
		model.addAttribute("contributor", user.role().includes(Role.CONTRIBUTOR));
		return VIEW;
	}

	@GetMapping("/assessments/actions/{id}/edit")
	String edit(@AuthenticationPrincipal KbUser user, @PathVariable long id, Model model) {
		ImprovementAction action = actions.get(members.require(user), id);
		return form(model, ActionForm.of(action), Map.of(), action);
	}

	@PostMapping("/assessments/actions/{id}")
	String update(@AuthenticationPrincipal KbUser user, @PathVariable long id, @ModelAttribute ActionForm form,
			@RequestParam(defaultValue = "0") int version, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Member member = members.require(user);
		ImprovementAction current = actions.get(member, id);
		ActionService.Saved saved = actions.update(member, id, form, version, audiences.current(),
				request.getRemoteAddr());
		if (saved.theirs().isPresent()) {
			String view = form(model, form, Map.of("conflict", "A colleague changed this action after you opened it. "
					+ "Your changes have not been saved: the action as it is now is shown below the form. Make your "
					+ "changes again and save."), saved.theirs().get());
			model.addAttribute("theirs", saved.theirs().get());
			return view;
		}
		if (!saved.ok()) {
			String view = form(model, form, saved.errors(), current);
			model.addAttribute("version", version);
			return view;
		}
		ImprovementAction after = actions.get(member, id);
		redirect.addFlashAttribute("success", after.status() == ActionStatus.LESSON_LEARNED
				&& current.status() != ActionStatus.LESSON_LEARNED ? "Action marked as lesson learned" : "Action saved");
		return "redirect:/assessments/actions/" + id;
	}

	@PostMapping("/assessments/actions/{id}/case-study")
	String caseStudy(@AuthenticationPrincipal KbUser user, @PathVariable long id, HttpServletRequest request) {
		long submission = actions.draftCaseStudy(members.require(user), id, audiences.current(),
				request.getRemoteAddr());
		return "redirect:/submissions/" + submission + "/edit";
	}

	private String form(Model model, ActionForm form, Map<String, String> errors, ImprovementAction action) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("action", action);
		model.addAttribute("version", action == null ? 0 : action.version());
		model.addAttribute("statuses", ActionStatus.values());
		Map<String, String> choices = actions.indicatorChoices();
		model.addAttribute("indicatorChoices", choices);
		List<Link> lessons = new ArrayList<>();
		for (String id : form.lessons()) {
			lessons.add(new Link(id, actions.lessonTitle(id, audiences.current()).orElse(id)));
		}
		model.addAttribute("linkedLessons", lessons);
		model.addAttribute("linkedIndicators", form.indicators().stream()
			.map(key -> new Link(key, choices.getOrDefault(key, key))).toList());
		return FORM;
	}

	private List<String> indicatorLabels(ImprovementAction action) {
		Map<String, String> choices = actions.indicatorChoices();
		return action.indicators().stream().map(ref -> choices.getOrDefault(ref.key(), ref.key())).toList();
	}

	/** A linked item as a checkbox shows it. */
	record Link(String value, String label) {
	}

	@ExceptionHandler(ActionService.NotAllowedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String notAllowed(ActionService.NotAllowedException ex, Model model) {
		model.addAttribute("reason", ex.getMessage());
		return "assessment/not-allowed";
	}
}
