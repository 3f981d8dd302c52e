package uk.interop.kb.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.submission.Submission;
import uk.interop.kb.submission.SubmissionEvent;
import uk.interop.kb.submission.SubmissionForm;
import uk.interop.kb.submission.SubmissionService;
import uk.interop.kb.submission.SubmissionStatus;

/** The contribution workflow for programs: the same rules and checks as the pages. */
@RestController
@RequestMapping(path = "/api/v1", produces = { "application/json", "application/problem+json" })
class SubmissionApiController {

	private final SubmissionService submissions;

	SubmissionApiController(SubmissionService submissions) {
		this.submissions = submissions;
	}

	record SubmissionSummary(long id, String documentId, String title, String status, int version, Instant updatedAt,
			String url) {
		static SubmissionSummary of(Submission s) {
			return new SubmissionSummary(s.id(), s.documentId(), s.title(), s.status().name(), s.version(),
					s.updatedAt(), "/api/v1/submissions/" + s.id());
		}
	}

	record EventView(String from, String to, String by, String comment, Instant at) {
		static EventView of(SubmissionEvent e) {
			return new EventView(e.from().map(Enum::name).orElse(null), e.to().name(), e.actorName(), e.comment(),
					e.createdAt());
		}
	}

	record SubmissionView(long id, String documentId, String title, String status, int version, int revision,
			String owner, Instant createdAt, Instant updatedAt, SubmissionForm form, String markdown,
			List<EventView> history) {
	}

	record Versioned(int version) {
	}

	record WithComment(int version, String comment) {
	}

	record Publication(int version, boolean noPersonalData, boolean noSensitiveMaterial, boolean consentToAttribute) {
	}

	/** A form plus the version it was based on, for updates. */
	record Update(int version, SubmissionForm form) {
	}

	@GetMapping("/submissions")
	@io.swagger.v3.oas.annotations.Operation(summary = "Your submissions, newest first")
	List<SubmissionSummary> mine(@AuthenticationPrincipal KbUser user) {
		return submissions.mine(user).stream().map(SubmissionSummary::of).toList();
	}

	/** Creates a draft. An {@code Idempotency-Key} header makes retries create it once. */
	@PostMapping(path = "/submissions", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Create a draft submission")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The draft, created",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmissionView.class)))

	ResponseEntity<?> create(@AuthenticationPrincipal KbUser user, @RequestBody SubmissionForm form,
			@RequestHeader(name = "Idempotency-Key", defaultValue = "") String key, HttpServletRequest request) {
		String token = key.length() > 64 ? key.substring(0, 64) : key;
		SubmissionService.Saved saved;
		try {
			saved = submissions.create(user, form, token, request.getRemoteAddr());
		}
		catch (SubmissionService.DuplicateFormException ex) {
			saved = new SubmissionService.Saved(Map.of(),
					submissions.createdBy(ex.token()).flatMap(id -> Optional.of(submissions.visible(user, id))));
		}
		if (!saved.ok()) {
			return invalid(saved);
		}
		Submission created = saved.submission().orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/submissions/" + created.id())).body(view(user, created));
	}

	@GetMapping("/submissions/{id}")
	@io.swagger.v3.oas.annotations.Operation(summary = "One submission: its form, Markdown and history")
	SubmissionView one(@AuthenticationPrincipal KbUser user, @PathVariable long id) {
		return view(user, submissions.visible(user, id));
	}

	@PutMapping(path = "/submissions/{id}", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Save a new revision of a submission")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The submission as it now is",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmissionView.class)))
	ResponseEntity<?> update(@AuthenticationPrincipal KbUser user, @PathVariable long id, @RequestBody Update update,
			HttpServletRequest request) {
		if (update.form() == null) {
			return ApiProblems.problem(HttpStatus.BAD_REQUEST, "Bad request", "form: required", Map.of("parameter",
					"form"));
		}
		return result(user, submissions.update(user, id, update.form(), update.version(), request.getRemoteAddr()));
	}

	@PostMapping(path = "/submissions/{id}/submit", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Submit a draft for review")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The submission as it now is",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmissionView.class)))
	ResponseEntity<?> submit(@AuthenticationPrincipal KbUser user, @PathVariable long id,
			@RequestBody Versioned body, HttpServletRequest request) {
		return result(user, submissions.submit(user, id, body.version(), request.getRemoteAddr()));
	}

	@GetMapping("/moderation/queue")
	@io.swagger.v3.oas.annotations.Operation(summary = "The editors' review queue")
	List<SubmissionSummary> queue(@AuthenticationPrincipal KbUser editor,
			@RequestParam(required = false) SubmissionStatus status) {
		return submissions.queue(editor, Optional.ofNullable(status)).stream().map(SubmissionSummary::of).toList();
	}

	@PostMapping(path = "/moderation/{id}/request-changes", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Ask the contributor for changes")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The submission as it now is",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmissionView.class)))
	ResponseEntity<?> requestChanges(@AuthenticationPrincipal KbUser editor, @PathVariable long id,
			@RequestBody WithComment body, HttpServletRequest request) {
		return result(editor, submissions.requestChanges(editor, id, body.version(), body.comment(),
				request.getRemoteAddr()));
	}

	@PostMapping(path = "/moderation/{id}/reject", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Reject a submission")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The submission as it now is",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmissionView.class)))
	ResponseEntity<?> reject(@AuthenticationPrincipal KbUser editor, @PathVariable long id,
			@RequestBody WithComment body, HttpServletRequest request) {
		return result(editor, submissions.reject(editor, id, body.version(), body.comment(), request.getRemoteAddr()));
	}

	@PostMapping(path = "/moderation/{id}/publish", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Publish a submission after the redaction checks")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The submission as it now is",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmissionView.class)))
	ResponseEntity<?> publish(@AuthenticationPrincipal KbUser editor, @PathVariable long id,
			@RequestBody Publication body, HttpServletRequest request) {
		return result(editor, submissions.publish(editor, id, body.version(), new SubmissionService.RedactionChecklist(
				body.noPersonalData(), body.noSensitiveMaterial(), body.consentToAttribute()), request.getRemoteAddr()));
	}

	@PostMapping(path = "/moderation/{id}/withdraw", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Withdraw a published submission")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The submission as it now is",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmissionView.class)))
	ResponseEntity<?> withdraw(@AuthenticationPrincipal KbUser editor, @PathVariable long id,
			@RequestBody WithComment body, HttpServletRequest request) {
		return result(editor, submissions.withdraw(editor, id, body.version(), body.comment(),
				request.getRemoteAddr()));
	}

	private ResponseEntity<?> result(KbUser user, SubmissionService.Saved saved) {
		if (!saved.ok()) {
			return invalid(saved);
		}
		return ResponseEntity.ok(view(user, saved.submission().orElseThrow()));
	}

	private static ResponseEntity<ProblemDetail> invalid(SubmissionService.Saved saved) {
		Map.Entry<String, String> first = saved.errors().entrySet().iterator().next();
		return ApiProblems.problem(HttpStatus.BAD_REQUEST, "Invalid submission", first.getKey() + ": "
				+ first.getValue(), Map.of("parameter", first.getKey(), "errors", saved.errors()));
	}

	private SubmissionView view(KbUser user, Submission s) {
		Submission current = submissions.visible(user, s.id());
		return new SubmissionView(current.id(), current.documentId(), current.title(), current.status().name(),
				current.version(), current.currentRevision(), current.ownerName(), current.createdAt(),
				current.updatedAt(), submissions.form(current), submissions.currentRevision(current).markdown(),
				submissions.events(current).stream().map(EventView::of).toList());
	}
}
