package uk.interop.kb.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.assessment.ActionForm;
import uk.interop.kb.assessment.ActionService;
import uk.interop.kb.assessment.ActionStatus;
import uk.interop.kb.assessment.Answer;
import uk.interop.kb.assessment.Assessment;
import uk.interop.kb.assessment.AssessmentService;
import uk.interop.kb.assessment.Framework;
import uk.interop.kb.assessment.ImprovementAction;
import uk.interop.kb.assessment.Member;
import uk.interop.kb.assessment.Members;
import uk.interop.kb.assessment.ProfileJson;
import uk.interop.kb.assessment.ProfileView;
import uk.interop.kb.search.web.AudienceResolver;

/**
 * Self-assessment for programs: the frameworks (anyone), and the caller's organisation's assessments and
 * improvement actions (members, with a token). The same rules as the pages: another organisation's
 * assessment or action is 404, exactly like one that does not exist.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = { "application/json", "application/problem+json" })
class AssessmentApiController {

	private final AssessmentService assessments;
	private final ActionService actions;
	private final Members members;
	private final ProfileView profiles;
	private final AudienceResolver audiences;

	AssessmentApiController(AssessmentService assessments, ActionService actions, Members members,
			ProfileView profiles, AudienceResolver audiences) {
		this.assessments = assessments;
		this.actions = actions;
		this.members = members;
		this.profiles = profiles;
		this.audiences = audiences;
	}

	record FrameworkSummary(String id, String version, String title, String scope, boolean proposal, String summary,
			String url) {
		static FrameworkSummary of(Framework f) {
			return new FrameworkSummary(f.id(), f.version(), f.title(), f.scope(), f.proposal(), f.summary(),
					"/api/v1/assessment-frameworks/" + f.id());
		}
	}

	record FrameworksResponse(List<FrameworkSummary> frameworks) {
	}

	record StepJson(int number, String id, String label, String meaning) {
	}

	record ScaleJson(String name, String source, List<StepJson> steps) {
	}

	/** {@code steps}: what each of the five steps looks like for this indicator, in order. */
	record IndicatorJson(String id, String title, String question, String guidance, List<String> themes,
			List<String> barriers, List<String> handbook, List<String> steps) {
	}

	record LevelJson(String level, List<IndicatorJson> indicators) {
	}

	record FrameworkResponse(String id, String version, String title, String scope, boolean proposal, String summary,
			String notice, String source, ScaleJson scale, List<LevelJson> levels) {
		static FrameworkResponse of(Framework f) {
			return new FrameworkResponse(f.id(), f.version(), f.title(), f.scope(), f.proposal(), f.summary(),
					f.notice(), f.source(), new ScaleJson(f.scale().name(), f.scale().source(), f.scale().steps().stream()
						.map(s -> new StepJson(s.number(), s.id(), s.label(), s.meaning())).toList()),
					f.levels().stream().map(l -> new LevelJson(l.level(), l.indicators().stream()
						.map(i -> new IndicatorJson(i.id(), i.title(), i.question(), i.guidance(), i.themes(),
								i.barriers(), i.handbook(), i.steps())).toList())).toList());
		}
	}

	record AssessmentSummary(long id, String framework, String frameworkVersion, String frameworkTitle, String status,
			String startedAt, String submittedAt, String url) {
		static AssessmentSummary of(Assessment a) {
			return new AssessmentSummary(a.id(), a.frameworkId(), a.frameworkVersion(), a.frameworkTitle(),
					a.status().name().toLowerCase(java.util.Locale.ROOT), time(a.createdAt()),
					a.submittedAt().map(AssessmentApiController::time).orElse(null), "/api/v1/assessments/" + a.id());
		}
	}

	/** {@code organisation} is null, and the list empty, for an account that belongs to no organisation. */
	record AssessmentsResponse(String organisation, List<AssessmentSummary> assessments) {
	}

	/** {@code step}: 1 to 5, 0 for not known, null while only evidence is saved. */
	record AnswerJson(String indicator, String level, String question, Integer step, String evidence, int revision,
			String answeredBy, String answeredAt) {
		static AnswerJson of(Answer a) {
			return new AnswerJson(a.indicatorId(), a.level(), a.question(), a.step().orElse(null), a.evidence(),
					a.revision(), a.answeredByName(), time(a.answeredAt()));
		}
	}

	/** A draft's answers so far; once submitted, also its {@code profile} (null before). */
	record AssessmentResponse(long id, String framework, String frameworkVersion, String frameworkTitle, String status,
			String startedAt, String submittedAt, List<AnswerJson> answers, ProfileJson profile) {
	}

	record StartRequest(String framework) {
	}

	/** {@code step}: "1" to "5" or "not-known"; {@code revision}: the answer's revision you read (0 for none). */
	record AnswerRequest(String step, String evidence, Integer revision) {
	}

	record ActionJson(long id, String title, String details, String owner, String due, String status, boolean overdue,
			String evidence, List<String> lessons, List<String> indicators, Long assessment, Long caseStudy,
			int version, String createdAt, String updatedAt, String url) {
		static ActionJson of(ImprovementAction a, LocalDate today) {
			return new ActionJson(a.id(), a.title(), a.details(), a.owner(), a.due().map(LocalDate::toString)
				.orElse(null), a.status().id(), a.overdue(today), a.evidence(), a.lessons(),
					a.indicators().stream().map(ImprovementAction.IndicatorRef::key).toList(), a.assessmentId()
						.orElse(null), a.caseStudy().orElse(null), a.version(), time(a.createdAt()),
					time(a.updatedAt()), "/api/v1/improvement-actions/" + a.id());
		}
	}

	record ActionsResponse(String organisation, List<ActionJson> actions) {
	}

	/**
	 * {@code due}: YYYY-MM-DD or null; {@code status}: identified (the default), agreed, in-progress, implemented
	 * or lesson-learned; {@code lessons}: document ids; {@code indicators}: {@code framework:indicator};
	 * {@code version}: the version you read, for updates, where a field left out keeps its current value.
	 */
	record ActionRequest(Integer version, String title, String details, String owner, String due, String status,
			String evidence, List<String> lessons, List<String> indicators, Long assessment) {
	}

	@GetMapping("/assessment-frameworks")
	@io.swagger.v3.oas.annotations.Operation(summary = "Self-assessment frameworks")
	FrameworksResponse frameworks() {
		return new FrameworksResponse(assessments.frameworks().stream().map(FrameworkSummary::of).toList());
	}

	@GetMapping("/assessment-frameworks/{id}")
	@io.swagger.v3.oas.annotations.Operation(summary = "One self-assessment framework, with its indicators and scale")
	FrameworkResponse framework(@PathVariable String id) {
		return FrameworkResponse.of(assessments.framework(id));
	}

	@GetMapping("/assessments")
	@io.swagger.v3.oas.annotations.Operation(summary = "Your organisation's self-assessments")
	AssessmentsResponse assessments(@AuthenticationPrincipal KbUser user) {
		Optional<Member> member = members.of(user);
		return new AssessmentsResponse(member.map(Member::organisation).orElse(null), member
			.map(m -> assessments.assessments(m).stream().map(AssessmentSummary::of).toList()).orElse(List.of()));
	}

	/** Starts the organisation's draft of a framework, or returns the one already open. */
	@PostMapping(path = "/assessments", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Start (or return to) your organisation's draft of a framework")
	@ApiResponse(responseCode = "201", description = "The draft, started or already open", content = @Content(
			mediaType = "application/json", schema = @Schema(implementation = AssessmentResponse.class)))
	ResponseEntity<?> start(@AuthenticationPrincipal KbUser user, @RequestBody StartRequest body,
			HttpServletRequest request) {
		Optional<Member> member = members.of(user);
		if (member.isEmpty()) {
			return noOrganisation();
		}
		if (body.framework() == null || assessments.frameworks().stream().noneMatch(f -> f.id().equals(body.framework()))) {
			return ApiProblems.problem(HttpStatus.BAD_REQUEST, "Bad request", "framework: not a framework on offer",
					Map.of("parameter", "framework"));
		}
		long id = assessments.start(member.get(), body.framework(), request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/assessments/" + id)).body(view(member.get(), id));
	}

	@GetMapping("/assessments/{id}")
	@io.swagger.v3.oas.annotations.Operation(summary = "One self-assessment: answers, and the profile once submitted")
	AssessmentResponse assessment(@AuthenticationPrincipal KbUser user, @PathVariable long id) {
		return view(members.require(user), id);
	}

	@PutMapping(path = "/assessments/{id}/answers/{indicator}", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Answer one indicator of a draft")
	@ApiResponse(responseCode = "200", description = "The assessment as it now is", content = @Content(
			mediaType = "application/json", schema = @Schema(implementation = AssessmentResponse.class)))
	ResponseEntity<?> answer(@AuthenticationPrincipal KbUser user, @PathVariable long id,
			@PathVariable String indicator, @RequestBody AnswerRequest body, HttpServletRequest request) {
		Member member = members.require(user);
		AssessmentService.Saved saved = assessments.saveAnswer(member, id, indicator, body.step(), body.evidence(),
				body.revision() == null ? 0 : body.revision(), false, request.getRemoteAddr());
		if (saved.closed()) {
			return ApiProblems.problem(HttpStatus.CONFLICT, "Not allowed now",
					"The assessment has been submitted; its answers can no longer change", Map.of());
		}
		if (saved.theirs().isPresent()) {
			return ApiProblems.problem(HttpStatus.CONFLICT, "Edit conflict", "The answer changed since the revision "
					+ "you sent; fetch it again and reapply your change",
					Map.of("currentRevision", saved.theirs().get().revision()));
		}
		if (!saved.errors().isEmpty()) {
			return invalid("Invalid answer", saved.errors());
		}
		return ResponseEntity.ok(view(member, id));
	}

	@PostMapping(path = "/assessments/{id}/submit")
	@io.swagger.v3.oas.annotations.Operation(summary = "Submit a draft: it becomes a profile")
	@ApiResponse(responseCode = "200", description = "The assessment, submitted, with its profile", content = @Content(
			mediaType = "application/json", schema = @Schema(implementation = AssessmentResponse.class)))
	ResponseEntity<?> submit(@AuthenticationPrincipal KbUser user, @PathVariable long id, HttpServletRequest request) {
		Member member = members.require(user);
		Map<String, String> errors = assessments.submit(member, id, request.getRemoteAddr());
		if (!errors.isEmpty()) {
			return invalid("Incomplete assessment", errors);
		}
		return ResponseEntity.ok(view(member, id));
	}

	@GetMapping("/improvement-actions")
	@io.swagger.v3.oas.annotations.Operation(summary = "Your organisation's improvement actions")
	ActionsResponse actions(@AuthenticationPrincipal KbUser user, @RequestParam(required = false) List<String> status,
			@RequestParam(defaultValue = "false") boolean overdue) {
		Optional<Member> member = members.of(user);
		if (member.isEmpty()) {
			return new ActionsResponse(null, List.of());
		}
		Set<ActionStatus> statuses = java.util.EnumSet.noneOf(ActionStatus.class);
		for (String s : status == null ? List.<String>of() : status) {
			statuses.add(ActionStatus.fromId(s).orElseThrow(() -> new BadStatusException(s)));
		}
		LocalDate today = actions.today();
		return new ActionsResponse(member.get().organisation(), actions.list(member.get(),
				new ActionService.Filter(statuses, overdue, "")).stream().map(a -> ActionJson.of(a, today)).toList());
	}

	@PostMapping(path = "/improvement-actions", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Record an improvement action")
	@ApiResponse(responseCode = "201", description = "The action, recorded", content = @Content(
			mediaType = "application/json", schema = @Schema(implementation = ActionJson.class)))
	ResponseEntity<?> record(@AuthenticationPrincipal KbUser user, @RequestBody ActionRequest body,
			HttpServletRequest request) {
		Optional<Member> member = members.of(user);
		if (member.isEmpty()) {
			return noOrganisation();
		}
		Optional<ActionForm> form = form(body);
		if (form.isEmpty()) {
			return invalid("Invalid action", Map.of("due", "must be a date like 2027-03-31"));
		}
		ActionService.Saved saved = actions.create(member.get(), form.get(), audiences.current(),
				request.getRemoteAddr());
		if (!saved.ok()) {
			return invalid("Invalid action", saved.errors());
		}
		long id = saved.id().orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/improvement-actions/" + id))
			.body(ActionJson.of(actions.get(member.get(), id), actions.today()));
	}

	@GetMapping("/improvement-actions/{id}")
	@io.swagger.v3.oas.annotations.Operation(summary = "One improvement action")
	ActionJson action(@AuthenticationPrincipal KbUser user, @PathVariable long id) {
		return ActionJson.of(actions.get(members.require(user), id), actions.today());
	}

	@PutMapping(path = "/improvement-actions/{id}", consumes = "application/json")
	@io.swagger.v3.oas.annotations.Operation(summary = "Change an improvement action")
	@ApiResponse(responseCode = "200", description = "The action as it now is", content = @Content(
			mediaType = "application/json", schema = @Schema(implementation = ActionJson.class)))
	ResponseEntity<?> update(@AuthenticationPrincipal KbUser user, @PathVariable long id,
			@RequestBody ActionRequest body, HttpServletRequest request) {
		Member member = members.require(user);
		ImprovementAction current = actions.get(member, id);
		Optional<ActionForm> form = form(merged(body, current));
		if (form.isEmpty()) {
			return invalid("Invalid action", Map.of("due", "must be a date like 2027-03-31"));
		}
		ActionService.Saved saved = actions.update(member, id, form.get(), body.version() == null ? 0 : body.version(),
				audiences.current(), request.getRemoteAddr());
		if (saved.theirs().isPresent()) {
			return ApiProblems.problem(HttpStatus.CONFLICT, "Edit conflict", "The action changed since the version "
					+ "you sent; fetch it again and reapply your change",
					Map.of("currentVersion", saved.theirs().get().version()));
		}
		if (!saved.ok()) {
			return invalid("Invalid action", saved.errors());
		}
		return ResponseEntity.ok(ActionJson.of(actions.get(member, id), actions.today()));
	}

	private AssessmentResponse view(Member member, long id) {
		Assessment a = assessments.assessment(member, id);
		List<AnswerJson> answers = assessments.draft(member, id).answers().values().stream()
			.sorted(java.util.Comparator.comparingInt(Answer::position)).map(AnswerJson::of).toList();
		return new AssessmentResponse(a.id(), a.frameworkId(), a.frameworkVersion(), a.frameworkTitle(),
				a.status().name().toLowerCase(java.util.Locale.ROOT), time(a.createdAt()),
				a.submittedAt().map(AssessmentApiController::time).orElse(null), answers,
				a.submitted() ? profiles.json(member, id, audiences.current()) : null);
	}

	/** An update: what the request leaves out (null) keeps its current value. */
	private static ActionRequest merged(ActionRequest body, ImprovementAction current) {
		return new ActionRequest(body.version(), or(body.title(), current.title()), or(body.details(), current.details()),
				or(body.owner(), current.owner()), body.due() != null ? body.due()
						: current.due().map(LocalDate::toString).orElse(null),
				or(body.status(), current.status().id()), or(body.evidence(), current.evidence()),
				body.lessons() != null ? body.lessons() : current.lessons(), body.indicators() != null ? body.indicators()
						: current.indicators().stream().map(ImprovementAction.IndicatorRef::key).toList(),
				body.assessment());
	}

	private static String or(String value, String current) {
		return value != null ? value : current;
	}

	/** The API's date and lists, as the page's form sends them; empty when the date cannot be read. */
	private static Optional<ActionForm> form(ActionRequest body) {
		String day = "";
		String month = "";
		String year = "";
		if (body.due() != null && !body.due().isBlank()) {
			try {
				LocalDate due = LocalDate.parse(body.due().strip());
				day = Integer.toString(due.getDayOfMonth());
				month = Integer.toString(due.getMonthValue());
				year = Integer.toString(due.getYear());
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		}
		return Optional.of(new ActionForm(body.title(), body.details(), body.owner(), day, month, year,
				body.status() == null ? ActionStatus.IDENTIFIED.id() : body.status(), body.evidence(), body.lessons(),
				body.indicators(), "", "", body.assessment()));
	}

	private static ResponseEntity<ProblemDetail> invalid(String title, Map<String, String> errors) {
		Map.Entry<String, String> first = errors.entrySet().iterator().next();
		return ApiProblems.problem(HttpStatus.BAD_REQUEST, title, first.getKey() + ": " + first.getValue(),
				Map.of("parameter", first.getKey(), "errors", errors));
	}

	private static ResponseEntity<ProblemDetail> noOrganisation() {
		return ApiProblems.problem(HttpStatus.CONFLICT, "No organisation",
				"Your account does not belong to an organisation: ask an administrator to set it", Map.of());
	}

	private static String time(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** A status filter that is not one of the lifecycle's ids. */
	static class BadStatusException extends RuntimeException {
		final String value;

		BadStatusException(String value) {
			super("Bad status", null, false, false);
			this.value = value;
		}
	}
}
