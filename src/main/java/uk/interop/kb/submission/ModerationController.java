package uk.interop.kb.submission;

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
import uk.interop.kb.search.IndexUnavailableException;
import uk.interop.kb.search.web.AudienceResolver;

/** The editor's side: the review queue, the review page and its decisions. */
@Controller
class ModerationController {

	private final SubmissionService submissions;
	private final SubmissionViews views;
	private final AudienceResolver audiences;

	ModerationController(SubmissionService submissions, SubmissionViews views, AudienceResolver audiences) {
		this.submissions = submissions;
		this.views = views;
		this.audiences = audiences;
	}

	@GetMapping("/moderation")
	String queue(@AuthenticationPrincipal KbUser editor, @RequestParam(required = false) String status, Model model) {
		var selected = SubmissionViews.status(status);
		model.addAttribute("submissions", submissions.queue(editor, selected));
		model.addAttribute("statuses", SubmissionStatus.values());
		model.addAttribute("selected", selected.map(Enum::name).orElse(""));
		return "moderation/queue";
	}

	@GetMapping("/moderation/{id}")
	String review(@AuthenticationPrincipal KbUser editor, @PathVariable long id, Model model) {
		Submission submission = submissions.visible(editor, id);
		Revision current = submissions.currentRevision(submission);
		model.addAttribute("submission", submission);
		model.addAttribute("revision", current);
		model.addAttribute("events", submissions.events(submission));
		model.addAttribute("diff", submissions.previousRevision(submission)
			.map(previous -> RevisionDiff.between(previous.markdown(), current.markdown())).orElse(null));
		// A suggested change is judged against what readers see now.
		submissions.changedDocument(submission).ifPresent(target -> model.addAttribute("suggestion", target));
		model.addAttribute("changeDiff", submissions.changeToPublished(submission).orElse(null));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", SubmissionViews.none());
		}
		if (!model.containsAttribute("kept")) {
			model.addAttribute("kept", java.util.Map.of());
		}
		views.preview(model, current.markdown(), audiences.current());
		return "moderation/review";
	}

	@PostMapping("/moderation/{id}/request-changes")
	String requestChanges(@AuthenticationPrincipal KbUser editor, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String comment, HttpServletRequest request, RedirectAttributes redirect) {
		return done(id, submissions.requestChanges(editor, id, version, comment, request.getRemoteAddr()),
				"Changes requested: the contributor can see your comment", redirect);
	}

	@PostMapping("/moderation/{id}/reject")
	String reject(@AuthenticationPrincipal KbUser editor, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
		return done(id, submissions.reject(editor, id, version, reason, request.getRemoteAddr()), "Rejected", redirect);
	}

	@PostMapping("/moderation/{id}/publish")
	String publish(@AuthenticationPrincipal KbUser editor, @PathVariable long id, @RequestParam int version,
			@RequestParam(defaultValue = "false") boolean noPersonalData,
			@RequestParam(defaultValue = "false") boolean noSensitiveMaterial,
			@RequestParam(defaultValue = "false") boolean consentToAttribute, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model, RedirectAttributes redirect) {
		var checklist = new SubmissionService.RedactionChecklist(noPersonalData, noSensitiveMaterial,
				consentToAttribute);
		try {
			SubmissionService.Saved saved = submissions.publish(editor, id, version, checklist, request.getRemoteAddr());
			String success = saved.submission().filter(s -> s.status() == SubmissionStatus.ACCEPTED)
				.map(s -> "Accepted: download the file and commit it to the content folder")
				.orElse(saved.submission().filter(Submission::isSuggestion).isPresent()
						? "Published: the document has changed, and search shows it" : "Published: it is now in search");
			return done(id, saved, success, redirect);
		}
		catch (IndexUnavailableException ex) {
			return indexUnavailable(editor, id, SubmissionStatus.PUBLISHED, request, response, model, redirect);
		}
	}

	@PostMapping("/moderation/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal KbUser editor, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			return done(id, submissions.withdraw(editor, id, version, reason, request.getRemoteAddr()),
					"Withdrawn: it has left search", redirect);
		}
		catch (IndexUnavailableException ex) {
			return indexUnavailable(editor, id, SubmissionStatus.WITHDRAWN, request, response, model, redirect);
		}
	}

	private static String done(long id, SubmissionService.Saved saved, String success, RedirectAttributes redirect) {
		if (saved.ok()) {
			redirect.addFlashAttribute("success", success);
		}
		else {
			redirect.addFlashAttribute("errors", saved.errors());
		}
		return "redirect:/moderation/" + id;
	}

	@ExceptionHandler(SubmissionService.EditConflictException.class)
	String conflict(SubmissionService.EditConflictException ex, RedirectAttributes redirect) {
		redirect.addFlashAttribute("errors", java.util.Map.of("conflict",
				"Someone changed this submission after you opened it. Review it as it is now, then decide again."));
		return "redirect:/moderation/" + ex.current().id();
	}

	/**
	 * The search index cannot take changes (a full disk). Refused before the commit: the review page
	 * again, 503, with what the editor ticked and typed, and the submission as it was. If the index
	 * failed only after the commit, the change stands and search catches up once the index recovers.
	 */
	private String indexUnavailable(KbUser editor, long id, SubmissionStatus wanted, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Submission now = submissions.visible(editor, id);
		boolean publishing = wanted == SubmissionStatus.PUBLISHED;
		if (now.status() == wanted) {
			redirect.addFlashAttribute("success", (publishing ? "Published" : "Withdrawn")
					+ ". Search is catching up after a problem with its disk, so this may take a few minutes to show there.");
			return "redirect:/moderation/" + id;
		}
		java.util.Map<String, String> kept = new java.util.HashMap<>();
		for (String field : java.util.List.of("noPersonalData", "noSensitiveMaterial", "consentToAttribute", "reason")) {
			String value = request.getParameter(field);
			if (value != null) {
				kept.put(field, value);
			}
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		model.addAttribute("kept", kept);
		model.addAttribute("errors", java.util.Map.of(publishing ? "checklist" : "reason", INDEX_UNAVAILABLE));
		return review(editor, id, model);
	}

	static final String INDEX_UNAVAILABLE = "Search cannot take changes just now because of a problem on our side, "
			+ "so nothing has been changed. Try again in a few minutes.";

	@ExceptionHandler(SubmissionService.NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(SubmissionService.NotAllowedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String notAllowed(SubmissionService.NotAllowedException ex, Model model) {
		model.addAttribute("reason", ex.getMessage());
		return "submission/not-allowed";
	}
}
