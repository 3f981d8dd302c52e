package uk.interop.kb.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.search.web.AudienceResolver;

/**
 * Taking an assessment, GOV.UK style: a task list of questions by level, one question per page ("Save and
 * continue", or "Save and come back later"), check your answers, submit; then the profile. Frameworks can be
 * read by anyone; everything else belongs to the member's organisation.
 */
@Controller
class AssessmentController {

	static final String HOME = "assessment/home";
	static final String TASKS = "assessment/tasks";
	static final String QUESTION = "assessment/question";
	static final String CHECK = "assessment/check";
	static final String PROFILE = "assessment/profile";

	private final AssessmentService assessments;
	private final ActionService actions;
	private final Members members;
	private final ProfileView profiles;
	private final AudienceResolver audiences;

	AssessmentController(AssessmentService assessments, ActionService actions, Members members, ProfileView profiles,
			AudienceResolver audiences) {
		this.assessments = assessments;
		this.actions = actions;
		this.members = members;
		this.profiles = profiles;
		this.audiences = audiences;
	}

	@GetMapping("/assessments/frameworks")
	String frameworks(Model model) {
		model.addAttribute("frameworks", assessments.frameworks());
		return "assessment/frameworks";
	}

	@GetMapping("/assessments/frameworks/{framework}")
	String framework(@PathVariable String framework, Model model) {
		model.addAttribute("framework", assessments.framework(framework));
		model.addAttribute("levelLabels", assessments.levelLabels());
		return "assessment/framework";
	}

	@GetMapping("/assessments")
	String home(@AuthenticationPrincipal KbUser user, Model model) {
		Optional<Member> member = members.of(user);
		model.addAttribute("frameworks", assessments.frameworks());
		model.addAttribute("member", member.orElse(null));
		if (member.isPresent()) {
			List<Assessment> all = assessments.assessments(member.get());
			Map<String, Assessment> drafts = new LinkedHashMap<>();
			all.stream().filter(a -> !a.submitted()).forEach(a -> drafts.putIfAbsent(a.frameworkId(), a));
			model.addAttribute("organisation", members.label(member.get().organisation()));
			model.addAttribute("assessments", all.stream().filter(Assessment::submitted).toList());
			model.addAttribute("drafts", drafts);
			List<ImprovementAction> open = actions.list(member.get(), ActionService.Filter.all()).stream()
				.filter(a -> !a.status().done()).toList();
			model.addAttribute("openActions", open.size());
			model.addAttribute("overdueActions", open.stream().filter(a -> a.overdue(actions.today())).count());
		}
		return HOME;
	}

	@PostMapping("/assessments")
	String start(@AuthenticationPrincipal KbUser user, @RequestParam(defaultValue = "") String framework,
			HttpServletRequest request) {
		long id = assessments.start(members.require(user), framework, request.getRemoteAddr());
		return "redirect:/assessments/" + id;
	}

	/** A draft's task list, or a submitted assessment's profile. */
	@GetMapping("/assessments/{id}")
	String assessment(@AuthenticationPrincipal KbUser user, @PathVariable long id, Model model) {
		Member member = members.require(user);
		Assessment assessment = assessments.assessment(member, id);
		if (assessment.submitted()) {
			ProfileView.Data data = profiles.of(member, id, audiences.current());
			model.addAttribute("data", data);
			model.addAttribute("profile", data.profile());
			model.addAttribute("assessment", assessment);
			return PROFILE;
		}
		AssessmentService.Draft draft = assessments.draft(member, id);
		model.addAttribute("draft", draft);
		model.addAttribute("assessment", assessment);
		model.addAttribute("organisation", members.label(member.organisation()));
		model.addAttribute("levelLabels", assessments.levelLabels());
		return TASKS;
	}

	@GetMapping("/assessments/{id}/questions/{indicator}")
	String question(@AuthenticationPrincipal KbUser user, @PathVariable long id, @PathVariable String indicator,
			@RequestParam(name = "return", defaultValue = "") String returnTo, Model model) {
		Member member = members.require(user);
		AssessmentService.Draft draft = openDraft(member, id);
		if (draft == null) {
			return "redirect:/assessments/" + id;
		}
		Framework.Indicator question = indicatorOf(draft, indicator);
		Optional<Answer> answer = draft.answer(indicator);
		return questionPage(model, draft, question, answer.flatMap(Answer::step).map(AssessmentController::stepValue)
			.orElse(""), answer.map(Answer::evidence).orElse(""), answer.map(Answer::revision).orElse(0), returnTo,
				Map.of(), Optional.empty());
	}

	@PostMapping("/assessments/{id}/questions/{indicator}")
	String answer(@AuthenticationPrincipal KbUser user, @PathVariable long id, @PathVariable String indicator,
			@RequestParam(required = false) String step, @RequestParam(required = false) String evidence,
			@RequestParam(defaultValue = "0") int revision, @RequestParam(defaultValue = "continue") String action,
			@RequestParam(name = "return", defaultValue = "") String returnTo, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Member member = members.require(user);
		AssessmentService.Draft draft = openDraft(member, id);
		if (draft == null) {
			redirect.addFlashAttribute("notice", "This assessment has been submitted, so its answers can no longer change.");
			return "redirect:/assessments/" + id;
		}
		Framework.Indicator question = indicatorOf(draft, indicator);
		boolean later = action.equals("later");
		AssessmentService.Saved saved = assessments.saveAnswer(member, id, indicator, step, evidence, revision, !later,
				request.getRemoteAddr());
		if (saved.closed()) {
			redirect.addFlashAttribute("notice", "A colleague submitted this assessment, so its answers can no longer change.");
			return "redirect:/assessments/" + id;
		}
		if (!saved.errors().isEmpty()) {
			return questionPage(model, draft, question, step == null ? "" : step, evidence == null ? "" : evidence,
					revision, returnTo, saved.errors(), Optional.empty());
		}
		if (saved.theirs().isPresent()) {
			return questionPage(model, draft, question, step == null ? "" : step, evidence == null ? "" : evidence,
					saved.theirs().get().revision(), returnTo, Map.of("step", "A colleague saved an answer to this "
							+ "question while you were working on it. Yours has not been saved: compare it with theirs "
							+ "below, then save again."), saved.theirs());
		}
		if (later) {
			redirect.addFlashAttribute("success", "Your answer has been saved. You or a colleague can come back to it at any time.");
			return "redirect:/assessments/" + id;
		}
		if (returnTo.equals("check")) {
			return "redirect:/assessments/" + id + "/check";
		}
		return draft.after(indicator).map(next -> "redirect:/assessments/" + id + "/questions/" + next.id())
			.orElse("redirect:/assessments/" + id + "/check");
	}

	@GetMapping("/assessments/{id}/check")
	String check(@AuthenticationPrincipal KbUser user, @PathVariable long id, Model model) {
		Member member = members.require(user);
		AssessmentService.Draft draft = openDraft(member, id);
		if (draft == null) {
			return "redirect:/assessments/" + id;
		}
		return checkPage(model, member, draft, Map.of());
	}

	@PostMapping("/assessments/{id}/submit")
	String submit(@AuthenticationPrincipal KbUser user, @PathVariable long id, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Member member = members.require(user);
		AssessmentService.Draft draft = openDraft(member, id);
		if (draft == null) {
			return "redirect:/assessments/" + id;
		}
		Map<String, String> errors = assessments.submit(member, id, request.getRemoteAddr());
		if (!errors.isEmpty()) {
			Map<String, String> anchored = new LinkedHashMap<>();
			errors.forEach((indicator, message) -> anchored.put("answer-" + indicator, message));
			return checkPage(model, member, draft, anchored);
		}
		redirect.addFlashAttribute("success", "Assessment submitted. Your organisation's profile is below.");
		return "redirect:/assessments/" + id;
	}

	@GetMapping("/assessments/history/{framework}")
	String history(@AuthenticationPrincipal KbUser user, @PathVariable String framework, Model model) {
		Member member = members.require(user);
		History history = assessments.history(member, framework);
		model.addAttribute("history", history);
		Framework current = assessments.frameworks().stream().filter(f -> f.id().equals(framework)).findFirst()
			.orElse(null);
		model.addAttribute("framework", current);
		// Not "title": inside the layout that name is the page's <title> fragment, whose markup would show instead.
		model.addAttribute("frameworkTitle", !history.rows().isEmpty()
				? history.rows().get(0).assessment().frameworkTitle() : current != null ? current.title() : framework);
		model.addAttribute("organisation", members.label(member.organisation()));
		return "assessment/history";
	}

	/** The draft, or null once it has been submitted (the caller sends people to the profile). */
	private AssessmentService.Draft openDraft(Member member, long id) {
		AssessmentService.Draft draft = assessments.draft(member, id);
		if (draft.assessment().submitted()) {
			return null;
		}
		if (draft.framework().isEmpty()) {
			throw new FrameworkWithdrawnException();
		}
		return draft;
	}

	private static Framework.Indicator indicatorOf(AssessmentService.Draft draft, String indicator) {
		return draft.framework().flatMap(f -> f.indicator(indicator)).orElseThrow(AssessmentNotFoundException::new);
	}

	private String questionPage(Model model, AssessmentService.Draft draft, Framework.Indicator question, String step,
			String evidence, int revision, String returnTo, Map<String, String> errors, Optional<Answer> theirs) {
		Framework framework = draft.framework().orElseThrow();
		model.addAttribute("draft", draft);
		model.addAttribute("assessment", draft.assessment());
		model.addAttribute("framework", framework);
		model.addAttribute("question", question);
		model.addAttribute("levelLabel", assessments.levelLabels().getOrDefault(question.level(), question.level()));
		model.addAttribute("number", draft.number(question.id()));
		model.addAttribute("total", draft.indicators().size());
		model.addAttribute("step", step);
		model.addAttribute("evidence", evidence);
		model.addAttribute("revision", revision);
		model.addAttribute("returnTo", returnTo.equals("check") ? "check" : "");
		model.addAttribute("back", returnTo.equals("check") ? draft.assessment().url() + "/check"
				: draft.before(question.id()).map(b -> draft.assessment().url() + "/questions/" + b.id())
					.orElse(draft.assessment().url()));
		model.addAttribute("errors", errors);
		model.addAttribute("theirs", theirs.orElse(null));
		model.addAttribute("maxEvidence", Answer.MAX_EVIDENCE);
		return QUESTION;
	}

	private String checkPage(Model model, Member member, AssessmentService.Draft draft, Map<String, String> errors) {
		model.addAttribute("draft", draft);
		model.addAttribute("assessment", draft.assessment());
		model.addAttribute("framework", draft.framework().orElseThrow());
		model.addAttribute("organisation", members.label(member.organisation()));
		model.addAttribute("levelLabels", assessments.levelLabels());
		model.addAttribute("errors", errors);
		return CHECK;
	}

	static String stepValue(int step) {
		return step == Answer.NOT_KNOWN ? "not-known" : Integer.toString(step);
	}

	/** A draft of a framework no longer offered: its answers are kept, but it cannot be finished. */
	@ResponseStatus(HttpStatus.CONFLICT)
	static class FrameworkWithdrawnException extends RuntimeException {
		FrameworkWithdrawnException() {
			super("Framework withdrawn", null, false, false);
		}
	}

	@ExceptionHandler(FrameworkWithdrawnException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String withdrawn(Model model) {
		model.addAttribute("reason", "The framework this draft was started on is no longer offered, so it cannot be "
				+ "finished. Its answers are kept; start a new assessment on a framework that is offered.");
		return "assessment/not-allowed";
	}
}
