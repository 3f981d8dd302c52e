package uk.interop.kb.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.search.web.AudienceResolver;

/** The contributor's side: write, save as draft, preview, submit, and see what editors said. */
@Controller
class SubmissionController {

	static final String FORM = "submission/form";
	static final String VIEW = "submission/view";
	static final String NOT_SAVED = "Your changes could not be saved because of a problem on our side. "
			+ "Nothing you typed has been lost: try again.";

	/** Uploaded Markdown files must be smaller than this; the container's limit is higher (application.properties). */
	static final long MAX_UPLOAD = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(SubmissionController.class);

	private final SubmissionService submissions;
	private final SubmissionViews views;
	private final RelatedDocuments related;
	private final AudienceResolver audiences;

	SubmissionController(SubmissionService submissions, SubmissionViews views, RelatedDocuments related,
			AudienceResolver audiences) {
		this.submissions = submissions;
		this.views = views;
		this.related = related;
		this.audiences = audiences;
	}

	@GetMapping("/submissions")
	String mine(@AuthenticationPrincipal KbUser user, Model model) {
		model.addAttribute("submissions", submissions.mine(user));
		return "submission/list";
	}

	@GetMapping("/submissions/new")
	String newForm(Model model) {
		return form(model, SubmissionForm.blank(), SubmissionViews.none(), UUID.randomUUID().toString(), null);
	}

	/** A suggested change to a published lesson or case study: the form, filled with its published text. */
	@GetMapping("/submissions/suggest")
	String suggestForm(@AuthenticationPrincipal KbUser user, @RequestParam(defaultValue = "") String document,
			Model model) {
		SubmissionService.Suggestable target = submissions.suggestable(user, document)
			.orElseThrow(SubmissionService.NotFoundException::new);
		model.addAttribute("suggestion", target);
		model.addAttribute("changeSummary", "");
		return form(model, target.form(), SubmissionViews.none(), UUID.randomUUID().toString(), null);
	}

	@PostMapping("/submissions")
	String create(@AuthenticationPrincipal KbUser user, @ModelAttribute SubmissionForm form,
			@RequestParam(defaultValue = "") String formToken, @RequestParam(defaultValue = "") String changes,
			@RequestParam(required = false) String changeSummary, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		SubmissionService.Saved saved;
		try {
			if (!changes.isBlank()) {
				SubmissionService.Suggestable target = submissions.suggestable(user, changes)
					.orElseThrow(SubmissionService.NotFoundException::new);
				model.addAttribute("suggestion", target);
				model.addAttribute("changeSummary", changeSummary == null ? "" : changeSummary);
				saved = submissions.suggest(user, changes, form, changeSummary, formToken, request.getRemoteAddr());
			}
			else {
				saved = submissions.create(user, form, formToken, request.getRemoteAddr());
			}
		}
		catch (SubmissionService.DuplicateFormException ex) {
			return submissions.createdBy(ex.token()).map(id -> "redirect:/submissions/" + id)
				.orElse("redirect:/submissions");
		}
		catch (DataAccessException | TransactionException ex) {
			// The same token again: the next try is still one submission, however this one ended.
			return notSaved(ex, response, () -> form(model, form, Map.of(), formToken, null), model);
		}
		if (!saved.ok()) {
			return form(model, form, saved.errors(), formToken, null);
		}
		return "redirect:/submissions/" + saved.submission().orElseThrow().id() + "?saved";
	}

	@GetMapping("/submissions/{id}")
	String view(@AuthenticationPrincipal KbUser user, @PathVariable long id, Model model) {
		Submission submission = submissions.visible(user, id);
		model.addAttribute("submission", submission);
		model.addAttribute("events", submissions.events(submission));
		model.addAttribute("isOwner", submission.ownerId() == user.id());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", SubmissionViews.none());
		}
		suggestion(model, submission);
		views.preview(model, submissions.currentRevision(submission).markdown(), audiences.current());
		return VIEW;
	}

	/** For a suggested change: the document it changes and what it does to the published text. */
	private void suggestion(Model model, Submission submission) {
		submissions.changedDocument(submission).ifPresent(target -> model.addAttribute("suggestion", target));
		model.addAttribute("changeDiff", submissions.changeToPublished(submission).orElse(null));
	}

	@GetMapping("/submissions/{id}/edit")
	String edit(@AuthenticationPrincipal KbUser user, @PathVariable long id, Model model) {
		Submission submission = submissions.visible(user, id);
		submissions.changedDocument(submission).ifPresent(target -> model.addAttribute("suggestion", target));
		model.addAttribute("changeSummary", submission.changeSummary());
		return form(model, submissions.form(submission), SubmissionViews.none(), "", submission);
	}

	@PostMapping("/submissions/{id}")
	String update(@AuthenticationPrincipal KbUser user, @PathVariable long id, @ModelAttribute SubmissionForm form,
			@RequestParam int version, @RequestParam(required = false) String changeSummary, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Submission submission = submissions.visible(user, id);
		submissions.changedDocument(submission).ifPresent(target -> model.addAttribute("suggestion", target));
		model.addAttribute("changeSummary", changeSummary == null ? submission.changeSummary() : changeSummary);
		try {
			SubmissionService.Saved saved = submissions.update(user, id, form, changeSummary, version,
					request.getRemoteAddr());
			if (!saved.ok()) {
				return form(model, form, saved.errors(), "", submission);
			}
		}
		catch (SubmissionService.EditConflictException ex) {
			return conflict(model, form, ex.current());
		}
		catch (DataAccessException | TransactionException ex) {
			// The version they opened, so saving again works unless someone else saved meanwhile.
			return notSaved(ex, response, () -> {
				String view = form(model, form, Map.of(), "", submission);
				model.addAttribute("version", version);
				return view;
			}, model);
		}
		return "redirect:/submissions/" + id + "?saved";
	}

	/**
	 * The database or its disk failed during a save: the form again, exactly as typed, with an error
	 * summary saying nothing was lost. 503, because trying again later is the answer.
	 */
	private String notSaved(NestedRuntimeException ex, HttpServletResponse response,
			java.util.function.Supplier<String> form, Model model) {
		// Class names and SQL state only: a database's message can quote the values that were typed.
		Throwable cause = ex.getMostSpecificCause();
		log.error("Saving a submission failed: {} caused by {}{}", ex.getClass().getSimpleName(),
				cause.getClass().getName(), cause instanceof java.sql.SQLException sql ? " (SQL state "
						+ sql.getSQLState() + ")" : "");
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		String view = form.get();
		model.addAttribute("errors", Map.of("submission-form", NOT_SAVED));
		return view;
	}

	/** Both versions side by side: what is saved now, and what this person typed (kept in the form). */
	private String conflict(Model model, SubmissionForm yours, Submission current) {
		String theirs = submissions.currentRevision(current).markdown();
		views.formChoices(model);
		model.addAttribute("submission", current);
		model.addAttribute("theirs", submissions.currentRevision(current));
		model.addAttribute("conflictDiff", RevisionDiff.between(theirs, submissions.draftText(current, yours)));
		model.addAttribute("form", yours);
		model.addAttribute("errors", Map.of("conflict",
				"Someone changed this submission after you opened it. Your changes have not been saved: "
						+ "compare them with the current version below, then save again."));
		model.addAttribute("formToken", "");
		model.addAttribute("version", current.version());
		return FORM;
	}

	@PostMapping("/submissions/{id}/submit")
	String submit(@AuthenticationPrincipal KbUser user, @PathVariable long id, @RequestParam int version,
			HttpServletRequest request, RedirectAttributes redirect) {
		SubmissionService.Saved saved = submissions.submit(user, id, version, request.getRemoteAddr());
		if (!saved.ok()) {
			redirect.addFlashAttribute("errors", saved.errors());
			return "redirect:/submissions/" + id;
		}
		redirect.addFlashAttribute("success", "Submitted for review. An editor will look at it.");
		return "redirect:/submissions/" + id;
	}

	@GetMapping("/submissions/{id}/export.md")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal KbUser user, @PathVariable long id) {
		Submission submission = submissions.visible(user, id);
		// A change to a content file is saved under that file's own name, ready to replace it.
		String file = submissions.changedDocument(submission).filter(SubmissionService.Suggestable::contentFile)
			.map(SubmissionService.Suggestable::path).orElse(submission.documentId() + ".md");
		String fileName = file.substring(file.lastIndexOf('/') + 1);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
				.toString())
			.body(submissions.export(user, id).getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/submissions/import")
	String importFile(@AuthenticationPrincipal KbUser user, @RequestParam(required = false) MultipartFile file,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			return form(model, SubmissionForm.blank(), Map.of("file", "Choose a Markdown file to upload"),
					UUID.randomUUID().toString(), null);
		}
		if (file.getSize() > MAX_UPLOAD) {
			// Read no further: the container accepted it (up to 10 MB) only so this message can be shown.
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			return form(model, SubmissionForm.blank(), Map.of("file", "The file must be smaller than 1 MB"),
					UUID.randomUUID().toString(), null);
		}
		String text = new String(file.getBytes(), StandardCharsets.UTF_8);
		SubmissionService.Saved saved;
		try {
			saved = submissions.importFile(user, text, request.getRemoteAddr());
		}
		catch (SubmissionMarkdown.UnreadableFileException ex) {
			return form(model, SubmissionForm.blank(), Map.of("file", "The file could not be read: " + ex.getMessage()),
					UUID.randomUUID().toString(), null);
		}
		if (!saved.ok()) {
			return form(model, SubmissionForm.blank(), saved.errors(), UUID.randomUUID().toString(), null);
		}
		return "redirect:/submissions/" + saved.submission().orElseThrow().id() + "/edit";
	}

	/** "Similar lessons already in the library" for the text typed so far (a fragment for the form's script). */
	@GetMapping("/submissions/similar")
	String similar(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
			Model model) {
		String text = (title.length() > 200 ? title.substring(0, 200) : title) + "\n"
				+ (summary.length() > 600 ? summary.substring(0, 600) : summary);
		model.addAttribute("similar", related.similarTo(text, audiences.current(), 5));
		return "submission/similar :: similar";
	}

	private String form(Model model, SubmissionForm form, Map<String, String> errors, String formToken,
			Submission submission) {
		views.formChoices(model);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("formToken", formToken);
		model.addAttribute("submission", submission);
		model.addAttribute("version", submission == null ? 0 : submission.version());
		return FORM;
	}

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

	@ExceptionHandler(SubmissionService.EditConflictException.class)
	String conflictOnTransition(SubmissionService.EditConflictException ex, RedirectAttributes redirect) {
		redirect.addFlashAttribute("errors", Map.of("conflict",
				"This submission changed after you opened it. Check it as it is now, then try again."));
		return "redirect:/submissions/" + ex.current().id();
	}
}
