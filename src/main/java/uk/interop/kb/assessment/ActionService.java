package uk.interop.kb.assessment;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.interop.kb.account.Role;
import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.submission.SubmissionForm;
import uk.interop.kb.submission.SubmissionService;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Improvement actions: recorded from a profile or a lesson, owned, dated, moved through their lifecycle with
 * every change of status kept, and, once a lesson is learned, offered back to everyone as a contributed case
 * study. They belong to one organisation, and are read only through it.
 */
@Service
public class ActionService {

	private static final Pattern DOCUMENT = Pattern
		.compile("^(?:https?://[^/\\s]+)?(?:/documents/)?([a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*){0,4})/?(?:[?#].*)?$");

	private final ActionRepository repository;
	private final AssessmentRepository assessments;
	private final Frameworks frameworks;
	private final DocumentListing listing;
	private final SubmissionService submissions;
	private final Taxonomy taxonomy;
	private final AuditLog audit;
	private final Clock clock;

	ActionService(ActionRepository repository, AssessmentRepository assessments, Frameworks frameworks,
			DocumentListing listing, SubmissionService submissions, Taxonomy taxonomy, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.assessments = assessments;
		this.frameworks = frameworks;
		this.listing = listing;
		this.submissions = submissions;
		this.taxonomy = taxonomy;
		this.audit = audit;
		this.clock = clock;
	}

	/** Which actions to list: statuses (none means all), only overdue ones, only those on a level's indicators. */
	public record Filter(Set<ActionStatus> statuses, boolean overdueOnly, String level) {
		public Filter {
			statuses = Set.copyOf(statuses);
			level = level == null ? "" : level;
		}

		public static Filter all() {
			return new Filter(Set.of(), false, "");
		}

		public boolean any() {
			return !statuses.isEmpty() || overdueOnly || !level.isEmpty();
		}
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	public List<ImprovementAction> list(Member member, Filter filter) {
		LocalDate today = today();
		return repository.forOrganisation(member.organisation()).stream()
			.filter(a -> filter.statuses().isEmpty() || filter.statuses().contains(a.status()))
			.filter(a -> !filter.overdueOnly() || a.overdue(today))
			.filter(a -> filter.level().isEmpty() || a.indicators().stream()
				.anyMatch(ref -> indicator(ref).map(Framework.Indicator::level).orElse("").equals(filter.level())))
			.toList();
	}

	public ImprovementAction get(Member member, long id) {
		return repository.find(id, member.organisation()).orElseThrow(AssessmentNotFoundException::new);
	}

	public List<ImprovementAction.Event> events(Member member, long id) {
		return repository.events(get(member, id).id());
	}

	/** The indicator a reference names, in a framework offered now. */
	public Optional<Framework.Indicator> indicator(ImprovementAction.IndicatorRef ref) {
		return frameworks.find(ref.framework()).flatMap(f -> f.indicator(ref.indicator()));
	}

	/** Every indicator that can be linked, as {@code framework:indicator} to its label. */
	public Map<String, String> indicatorChoices() {
		Map<String, String> choices = new LinkedHashMap<>();
		for (Framework framework : frameworks.all()) {
			for (Framework.Indicator indicator : framework.indicators()) {
				choices.put(framework.id() + ":" + indicator.id(), framework.scope() + " – "
						+ taxonomy.levels().label(indicator.level()) + ": " + indicator.title());
			}
		}
		return choices;
	}

	/** The lessons and case studies linked, as the reader may see them (a withdrawn one is left out). */
	public List<IndexedDocument> lessons(ImprovementAction action, Audience audience) {
		return action.lessons().stream().map(id -> listing.document(id, audience)).flatMap(Optional::stream).toList();
	}

	/** A linked lesson's title, if the reader may read it. */
	public Optional<String> lessonTitle(String id, Audience audience) {
		return listing.document(id, audience).map(d -> d.document().title());
	}

	/** A save's outcome: field errors, the action's id, or (a conflict) the action as a colleague left it. */
	public record Saved(Map<String, String> errors, Optional<Long> id, Optional<ImprovementAction> theirs) {
		public boolean ok() {
			return errors.isEmpty() && theirs.isEmpty();
		}
	}

	@Transactional
	public Saved create(Member member, ActionForm form, Audience audience, String source) {
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<ActionRepository.Values> values = values(form, List.of(), List.of(), audience, errors);
		Optional<Long> assessment = Optional.ofNullable(form.assessment())
			.filter(id -> assessments.find(id, member.organisation()).isPresent());
		if (values.isEmpty()) {
			return new Saved(errors, Optional.empty(), Optional.empty());
		}
		Instant now = clock.instant();
		long id = repository.insert(member.organisation(), values.get(), assessment, member.id(), member.name(), now);
		repository.event(id, Optional.empty(), values.get().status(), member.name(), now);
		audit.record(member.user().getUsername(), "ACTION_RECORDED", "action " + id, values.get().status().id(),
				source);
		return new Saved(Map.of(), Optional.of(id), Optional.empty());
	}

	@Transactional
	public Saved update(Member member, long id, ActionForm form, int expectedVersion, Audience audience,
			String source) {
		ImprovementAction current = get(member, id);
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<ActionRepository.Values> values = values(form, current.lessons(),
				current.indicators().stream().map(ImprovementAction.IndicatorRef::key).toList(), audience, errors);
		if (values.isEmpty()) {
			return new Saved(errors, Optional.of(id), Optional.empty());
		}
		Instant now = clock.instant();
		if (!repository.update(id, member.organisation(), values.get(), expectedVersion, member.name(), now)) {
			return new Saved(Map.of(), Optional.of(id), Optional.of(get(member, id)));
		}
		if (current.status() != values.get().status()) {
			repository.event(id, Optional.of(current.status()), values.get().status(), member.name(), now);
		}
		audit.record(member.user().getUsername(), "ACTION_UPDATED", "action " + id, values.get().status().id(),
				source);
		return new Saved(Map.of(), Optional.of(id), Optional.empty());
	}

	/**
	 * Turns an action marked "lesson learned" into a draft contributed case study, pre-filled from it, and
	 * returns the submission's id. Asking again returns the same draft. Contributing needs the contributor role.
	 */
	@Transactional
	public long draftCaseStudy(Member member, long id, Audience audience, String source) {
		ImprovementAction action = get(member, id);
		if (action.status() != ActionStatus.LESSON_LEARNED) {
			throw new NotAllowedException("Only an action marked “lesson learned” can become a case study");
		}
		if (!member.user().role().includes(Role.CONTRIBUTOR)) {
			throw new NotAllowedException("Contributing a case study needs the contributor role: ask an administrator, "
					+ "or a contributor in your organisation");
		}
		SubmissionService.Saved saved = submissions.create(member.user(), caseStudy(member, action, audience),
				"action-" + action.id() + "-" + member.id(), source);
		long submission = saved.submission().orElseThrow(() -> new IllegalStateException("Case study not created: "
				+ saved.errors().keySet())).id();
		if (action.caseStudy().isEmpty()) {
			repository.recordCaseStudy(action.id(), submission);
			audit.record(member.user().getUsername(), "ACTION_CASE_STUDY_DRAFTED", "action " + action.id(),
					"submission " + submission, source);
		}
		return submission;
	}

	/** The submission form, filled in from what the action says: what happened, what it answered, the evidence. */
	SubmissionForm caseStudy(Member member, ImprovementAction action, Audience audience) {
		Set<String> levels = new LinkedHashSet<>();
		Set<String> themes = new LinkedHashSet<>();
		Set<String> barriers = new LinkedHashSet<>();
		StringBuilder answered = new StringBuilder();
		for (ImprovementAction.IndicatorRef ref : action.indicators()) {
			indicator(ref).ifPresent(indicator -> {
				levels.add(indicator.level());
				themes.addAll(indicator.themes());
				barriers.addAll(indicator.barriers());
				answered.append("- Self-assessment indicator: ").append(indicator.title()).append(" (")
					.append(taxonomy.levels().label(indicator.level())).append(")\n");
			});
		}
		for (IndexedDocument lesson : lessons(action, audience)) {
			levels.addAll(lesson.document().levels());
			themes.addAll(lesson.document().themes());
			answered.append("- [").append(lesson.document().title().replaceAll("[\\[\\]]", "")).append("](")
				.append(lesson.url()).append(")\n");
		}
		String sector = taxonomy.vocabulary(Taxonomy.ORGANISATIONS).concept(member.organisation())
			.map(c -> c.text("sector")).orElse("");
		String title = "Case study: " + action.title();
		String body = "## What happened\n\n" + (action.details().isEmpty() ? action.title() : action.details()) + "\n\n"
				+ (answered.isEmpty() ? "" : "It answered:\n\n" + answered + "\n") + "## What we learned\n\n"
				+ "## Recommendation\n\n" + "## Evidence\n\n" + action.evidence() + "\n";
		return new SubmissionForm(title.length() > SubmissionForm.MAX_TITLE ? title.substring(0,
				SubmissionForm.MAX_TITLE) : title, cut(action.details(), SubmissionForm.MAX_SUMMARY), "case-study",
				List.copyOf(levels), List.copyOf(themes), List.of(member.organisation()),
				sector.isEmpty() ? List.of() : List.of(sector), "", List.copyOf(barriers), "members", "", body);
	}

	/** Checks a form; the values to save, or empty with {@code errors} filled in form order. */
	private Optional<ActionRepository.Values> values(ActionForm form, List<String> linkedLessons,
			List<String> linkedIndicators, Audience audience, Map<String, String> errors) {
		if (form.title().isEmpty()) {
			errors.put("title", "Enter what your organisation will do");
		}
		else if (form.title().length() > ImprovementAction.MAX_TITLE) {
			errors.put("title", "What you will do must be " + ImprovementAction.MAX_TITLE + " characters or fewer");
		}
		if (form.details().length() > ImprovementAction.MAX_TEXT) {
			errors.put("details", "Details must be 4,000 characters or fewer");
		}
		if (form.owner().isEmpty()) {
			errors.put("owner", "Enter who owns the action: a person or a team");
		}
		else if (form.owner().length() > 200) {
			errors.put("owner", "Owner must be 200 characters or fewer");
		}
		Optional<LocalDate> due = due(form, errors);
		Optional<ActionStatus> status = ActionStatus.fromId(form.status());
		if (status.isEmpty()) {
			errors.put("status", "Select where the action has got to");
		}
		if (form.evidence().length() > ImprovementAction.MAX_TEXT) {
			errors.put("evidence", "Evidence must be 4,000 characters or fewer");
		}
		else if (status.map(ActionStatus::done).orElse(false) && form.evidence().isEmpty()) {
			errors.put("evidence", "Enter the evidence that the action was carried out");
		}
		List<String> lessons = new ArrayList<>();
		for (String id : form.lessons()) {
			if (linkedLessons.contains(id) || readableLesson(id, audience)) {
				lessons.add(id);
			}
		}
		if (!form.addLesson().isEmpty()) {
			Matcher matcher = DOCUMENT.matcher(form.addLesson());
			if (!matcher.matches() || !readableLesson(matcher.group(1), audience)) {
				errors.put("addLesson", "Enter the address of a lesson or case study in Interop KB, like "
						+ "/documents/lessons/…");
			}
			else if (!lessons.contains(matcher.group(1))) {
				lessons.add(matcher.group(1));
			}
		}
		List<ImprovementAction.IndicatorRef> indicators = new ArrayList<>();
		for (String key : form.indicators()) {
			ImprovementAction.IndicatorRef.parse(key)
				.filter(ref -> linkedIndicators.contains(key) || indicator(ref).isPresent())
				.filter(ref -> !indicators.contains(ref)).ifPresent(indicators::add);
		}
		if (!form.addIndicator().isEmpty()) {
			Optional<ImprovementAction.IndicatorRef> ref = ImprovementAction.IndicatorRef.parse(form.addIndicator())
				.filter(r -> indicator(r).isPresent());
			if (ref.isEmpty()) {
				errors.put("addIndicator", "Select an indicator from the list");
			}
			else if (!indicators.contains(ref.get())) {
				indicators.add(ref.get());
			}
		}
		if (lessons.size() > ImprovementAction.MAX_LINKS) {
			errors.put("addLesson", "Link at most " + ImprovementAction.MAX_LINKS + " lessons and case studies");
		}
		if (indicators.size() > ImprovementAction.MAX_LINKS) {
			errors.put("addIndicator", "Link at most " + ImprovementAction.MAX_LINKS + " indicators");
		}
		if (!errors.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new ActionRepository.Values(form.title(), form.details(), form.owner(), due,
				status.orElseThrow(), form.evidence(), lessons, indicators));
	}

	/** The GOV.UK date input: all three parts or none; a real date between 2000 and 2100. */
	private static Optional<LocalDate> due(ActionForm form, Map<String, String> errors) {
		List<String> parts = List.of(form.dueDay(), form.dueMonth(), form.dueYear());
		if (parts.stream().allMatch(String::isEmpty)) {
			return Optional.empty();
		}
		List<String> missing = new ArrayList<>();
		if (form.dueDay().isEmpty()) {
			missing.add("day");
		}
		if (form.dueMonth().isEmpty()) {
			missing.add("month");
		}
		if (form.dueYear().isEmpty()) {
			missing.add("year");
		}
		if (!missing.isEmpty()) {
			errors.put("due", "Due date must include a " + String.join(" and a ", missing));
			return Optional.empty();
		}
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(form.dueYear()), Integer.parseInt(form.dueMonth()),
					Integer.parseInt(form.dueDay()));
			if (date.getYear() < 2000 || date.getYear() > 2100) {
				errors.put("due", "Due date must be between 2000 and 2100");
				return Optional.empty();
			}
			return Optional.of(date);
		}
		catch (NumberFormatException | DateTimeException ex) {
			errors.put("due", "Due date must be a real date, like 31 3 2027");
			return Optional.empty();
		}
	}

	private boolean readableLesson(String id, Audience audience) {
		return listing.document(id, audience).filter(d -> Recommendations.EVIDENCE.contains(d.document().type()))
			.isPresent();
	}

	private static String cut(String text, int max) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= max ? flat : flat.substring(0, max - 1).stripTrailing() + "…";
	}

	/** Something the action's state or the person's role does not allow; the page says why. */
	public static class NotAllowedException extends RuntimeException {
		NotAllowedException(String reason) {
			super(reason, null, false, false);
		}
	}
}
