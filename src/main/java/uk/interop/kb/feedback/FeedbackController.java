package uk.interop.kb.feedback;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * "Is this page useful?" and the feedback page. Without JavaScript each answer is a form post that comes back
 * to the page it was about, at the component ({@code #page-feedback}): "Yes" says thank you, "No" asks what you
 * were trying to do. A session may attach that text only to its own "no" answers, and answers only so many
 * times, so nobody can write onto someone else's feedback or flood it from one session.
 */
@Controller
class FeedbackController {

	static final String ANSWERS = FeedbackController.class.getName() + ".answers";
	static final int ANSWERS_PER_SESSION = 30;

	private final FeedbackService feedback;

	FeedbackController(FeedbackService feedback) {
		this.feedback = feedback;
	}

	@PostMapping("/feedback/page")
	String answer(@RequestParam(required = false) String page, @RequestParam(required = false) String useful,
			HttpSession session, RedirectAttributes redirect, HttpServletResponse response) {
		Optional<String> checked = FeedbackService.page(page);
		if (checked.isEmpty() || !("yes".equals(useful) || "no".equals(useful))) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "error/400";
		}
		Set<Long> answers = answers(session);
		if (answers.size() < ANSWERS_PER_SESSION) {
			long id = feedback.answer(checked.get(), "yes".equals(useful));
			answers.add(id);
			session.setAttribute(ANSWERS, answers);
			if ("no".equals(useful)) {
				redirect.addFlashAttribute("pageFeedback", "more");
				redirect.addFlashAttribute("pageFeedbackId", id);
				return "redirect:" + checked.get() + "#page-feedback";
			}
		}
		redirect.addFlashAttribute("pageFeedback", "thanks");
		return "redirect:" + checked.get() + "#page-feedback";
	}

	@PostMapping("/feedback/page/{id}")
	String tryingToDo(@PathVariable long id, @RequestParam(required = false) String page,
			@RequestParam(required = false) String tryingToDo, HttpSession session, RedirectAttributes redirect,
			HttpServletResponse response) {
		Optional<String> checked = FeedbackService.page(page);
		if (checked.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "error/400";
		}
		if (answers(session).contains(id)) {
			Optional<String> error = feedback.tryingToDo(id, tryingToDo);
			if (error.isPresent()) {
				redirect.addFlashAttribute("pageFeedback", "more");
				redirect.addFlashAttribute("pageFeedbackId", id);
				redirect.addFlashAttribute("pageFeedbackError", error.get());
				redirect.addFlashAttribute("pageFeedbackText", tryingToDo);
				return "redirect:" + checked.get() + "#page-feedback";
			}
		}
		redirect.addFlashAttribute("pageFeedback", "thanks");
		return "redirect:" + checked.get() + "#page-feedback";
	}

	@GetMapping("/feedback")
	String form(Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("satisfaction", "");
			model.addAttribute("improve", "");
		}
		model.addAttribute("choices", Satisfaction.values());
		return "feedback/form";
	}

	@PostMapping("/feedback")
	String send(@RequestParam(required = false) String satisfaction, @RequestParam(required = false) String improve,
			Model model) {
		Map<String, String> errors = feedback.serviceFeedback(satisfaction, improve);
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("satisfaction", satisfaction == null ? "" : satisfaction);
			model.addAttribute("improve", improve == null ? "" : improve);
			return form(model);
		}
		return "redirect:/feedback/sent";
	}

	@GetMapping("/feedback/sent")
	String sent() {
		return "feedback/sent";
	}

	@SuppressWarnings("unchecked")
	private static Set<Long> answers(HttpSession session) {
		Object held = session.getAttribute(ANSWERS);
		return held instanceof Set<?> set ? new HashSet<>((Set<Long>) set) : new HashSet<>();
	}

	/** The path of the page being shown, for the component's hidden field: no query string, ever. */
	@ControllerAdvice
	static class CurrentPage {

		@ModelAttribute("feedbackPath")
		String feedbackPath(HttpServletRequest request) {
			return FeedbackService.page(request.getRequestURI()).orElse("/");
		}
	}
}
