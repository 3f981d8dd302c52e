package uk.interop.kb.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Taking an assessment: one draft per organisation and framework that any colleague can add to, answers
 * saved one question at a time (a colleague's newer save is never silently overwritten), and submission,
 * after which the answers are kept as they were asked. Everything is read through the member's organisation.
 */
@Service
public class AssessmentService {

	private final AssessmentRepository repository;
	private final Frameworks frameworks;
	private final Taxonomy taxonomy;
	private final AuditLog audit;
	private final AssessmentProperties properties;
	private final Clock clock;

	AssessmentService(AssessmentRepository repository, Frameworks frameworks, Taxonomy taxonomy, AuditLog audit,
			AssessmentProperties properties, Clock clock) {
		this.repository = repository;
		this.frameworks = frameworks;
		this.taxonomy = taxonomy;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	public List<Framework> frameworks() {
		return frameworks.all();
	}

	public Framework framework(String id) {
		return frameworks.find(id).orElseThrow(AssessmentNotFoundException::new);
	}

	/** The organisation's assessments, newest first. */
	public List<Assessment> assessments(Member member) {
		return repository.forOrganisation(member.organisation());
	}

	public Assessment assessment(Member member, long id) {
		return repository.find(id, member.organisation()).orElseThrow(AssessmentNotFoundException::new);
	}

	/** The organisation's draft of this framework: the one already open, or a new one. */
	@Transactional
	public long start(Member member, String frameworkId, String source) {
		Framework framework = framework(frameworkId);
		Optional<Long> open = repository.draftFor(member.organisation(), framework.id());
		if (open.isPresent()) {
			return open.get();
		}
		long id;
		try {
			id = repository.insertDraft(member.organisation(), framework, member.id(), clock.instant());
		}
		catch (DuplicateKeyException ex) {
			// A colleague started it at the same moment: theirs is the one draft.
			return repository.draftFor(member.organisation(), framework.id()).orElseThrow(() -> ex);
		}
		audit.record(member.user().getUsername(), "ASSESSMENT_STARTED", "assessment " + id,
				framework.id() + " " + framework.version(), source);
		return id;
	}

	/** A draft with its answers so far, against the framework as it is now (empty if it has been withdrawn). */
	public Draft draft(Member member, long id) {
		Assessment assessment = assessment(member, id);
		Map<String, Answer> answers = new LinkedHashMap<>();
		repository.answers(id).forEach(a -> answers.put(a.indicatorId(), a));
		return new Draft(assessment, frameworks.find(assessment.frameworkId()), answers);
	}

	/** What a question page saved: errors (nothing saved), a colleague's newer answer, or the assessment closed. */
	public record Saved(Map<String, String> errors, Optional<Answer> theirs, boolean closed) {
		public boolean ok() {
			return errors.isEmpty() && theirs.isEmpty() && !closed;
		}
	}

	/**
	 * Saves one answer. {@code step} is "1" to "5", "not-known", or empty (allowed only when
	 * {@code stepRequired} is false, to keep evidence while coming back later). {@code expectedRevision} is the
	 * revision the form was opened at: if a colleague saved since, nothing is saved and theirs is returned.
	 */
	@Transactional
	public Saved saveAnswer(Member member, long id, String indicatorId, String step, String evidence,
			int expectedRevision, boolean stepRequired, String source) {
		Assessment.Status status = repository.lock(id, member.organisation())
			.orElseThrow(AssessmentNotFoundException::new);
		if (status == Assessment.Status.SUBMITTED) {
			return new Saved(Map.of(), Optional.empty(), true);
		}
		Framework framework = frameworks.find(assessment(member, id).frameworkId())
			.orElseThrow(AssessmentNotFoundException::new);
		Framework.Indicator indicator = framework.indicator(indicatorId).orElseThrow(AssessmentNotFoundException::new);
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Integer> chosen = parseStep(step);
		if (step != null && !step.isBlank() && chosen.isEmpty()) {
			errors.put("step", "Select one of the steps, or that you do not know yet");
		}
		else if (stepRequired && chosen.isEmpty()) {
			errors.put("step", "Select how far your organisation has got, or that you do not know yet");
		}
		String text = evidence == null ? "" : evidence.strip().replace("\r\n", "\n");
		if (text.length() > Answer.MAX_EVIDENCE) {
			errors.put("evidence", "Evidence must be " + String.format("%,d", Answer.MAX_EVIDENCE)
					+ " characters or fewer");
		}
		if (!errors.isEmpty()) {
			return new Saved(errors, Optional.empty(), false);
		}
		Instant now = clock.instant();
		Answer answer = snapshot(framework, indicator, chosen, text, member.name(), 0, now);
		if (!repository.saveAnswer(id, answer, expectedRevision, member.id())) {
			return new Saved(Map.of(), repository.answer(id, indicatorId), false);
		}
		repository.touch(id, framework, now);
		return new Saved(Map.of(), Optional.empty(), false);
	}

	/**
	 * Submits a draft once every current question has an answer (a step, or "not known"): indicator id to
	 * message otherwise. The copy of each question is brought up to the framework as it is now, and answers to
	 * questions it no longer asks are dropped. Submitting twice is harmless.
	 */
	@Transactional
	public Map<String, String> submit(Member member, long id, String source) {
		Assessment.Status status = repository.lock(id, member.organisation())
			.orElseThrow(AssessmentNotFoundException::new);
		if (status == Assessment.Status.SUBMITTED) {
			return Map.of();
		}
		Framework framework = frameworks.find(assessment(member, id).frameworkId())
			.orElseThrow(AssessmentNotFoundException::new);
		Map<String, Answer> answers = new LinkedHashMap<>();
		repository.answers(id).forEach(a -> answers.put(a.indicatorId(), a));
		Map<String, String> errors = new LinkedHashMap<>();
		for (Framework.Indicator indicator : framework.indicators()) {
			Answer answer = answers.get(indicator.id());
			if (answer == null || !answer.complete()) {
				errors.put(indicator.id(), "Answer “" + indicator.title() + "”");
			}
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		for (Answer answer : answers.values()) {
			Optional<Framework.Indicator> indicator = framework.indicator(answer.indicatorId());
			if (indicator.isEmpty()) {
				repository.deleteAnswer(id, answer.indicatorId());
			}
			else {
				repository.refreshAnswerText(id, snapshot(framework, indicator.get(), answer.step(), answer.evidence(),
						answer.answeredByName(), answer.revision(), answer.answeredAt()));
			}
		}
		Instant now = clock.instant();
		repository.touch(id, framework, now);
		if (repository.submit(id, member.id(), member.name(), now)) {
			audit.record(member.user().getUsername(), "ASSESSMENT_SUBMITTED", "assessment " + id,
					framework.id() + " " + framework.version(), source);
		}
		return Map.of();
	}

	/** The scores of an assessment, from what it kept. */
	public Profile profile(Member member, long id) {
		return profile(assessment(member, id));
	}

	private Profile profile(Assessment assessment) {
		return Profile.of(assessment, repository.answers(assessment.id()), levelOrder(), levelLabels());
	}

	/** The organisation's submitted assessments of a framework (any version), with the change per level. */
	public History history(Member member, String frameworkId) {
		List<Profile> submitted = repository.forOrganisation(member.organisation()).stream()
			.filter(a -> a.frameworkId().equals(frameworkId) && a.submitted())
			.sorted(Comparator.comparing((Assessment a) -> a.submittedAt().orElseThrow()).thenComparingLong(Assessment::id))
			.map(this::profile).toList();
		if (submitted.isEmpty() && frameworks.find(frameworkId).isEmpty()) {
			throw new AssessmentNotFoundException();
		}
		return History.of(frameworkId, submitted, levelOrder(), levelLabels());
	}

	/** Where this profile sits among organisations' latest submissions of its framework (same major version). */
	public Benchmark benchmark(Member member, Profile profile) {
		Assessment assessment = profile.assessment();
		Map<String, Optional<Double>> own = new LinkedHashMap<>();
		profile.levels().forEach(l -> own.put(l.level(), l.score()));
		return Benchmark.of(assessment.frameworkId(), assessment.majorVersion(),
				repository.submittedScores(assessment.frameworkId()), member.organisation(), own,
				properties.benchmarkMinimum(), levelOrder(), levelLabels());
	}

	/** For editors: each framework's distribution (for its current major version) with nobody placed in it. */
	public List<Benchmark> aggregates() {
		List<Benchmark> all = new ArrayList<>();
		for (Framework framework : frameworks.all()) {
			all.add(Benchmark.of(framework.id(), framework.majorVersion(), repository.submittedScores(framework.id()),
					"", Map.of(), properties.benchmarkMinimum(), levelOrder(), levelLabels()));
		}
		return all;
	}

	public List<String> levelOrder() {
		return taxonomy.levels().concepts().stream().map(Concept::id).toList();
	}

	public Map<String, String> levelLabels() {
		return taxonomy.levels().labels();
	}

	/** An answer with a copy of what was asked and what its step means in this framework. */
	static Answer snapshot(Framework framework, Framework.Indicator indicator, Optional<Integer> step,
			String evidence, String by, int revision, Instant at) {
		int position = framework.indicators().indexOf(indicator);
		String description = step.filter(s -> s > 0).map(indicator::step).orElse("");
		String next = step.filter(s -> s > 0 && s < FrameworkLoader.STEPS).map(s -> indicator.step(s + 1)).orElse("");
		return new Answer(indicator.id(), position, indicator.level(), indicator.title(), indicator.question(),
				indicator.themes(), indicator.search(), step, description, next, evidence, revision, by, at);
	}

	static Optional<Integer> parseStep(String step) {
		if (step == null || step.isBlank()) {
			return Optional.empty();
		}
		if (step.strip().equals("not-known")) {
			return Optional.of(Answer.NOT_KNOWN);
		}
		try {
			int number = Integer.parseInt(step.strip());
			return number >= 1 && number <= FrameworkLoader.STEPS ? Optional.of(number) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** A draft and its answers, against the framework as it is now. */
	public record Draft(Assessment assessment, Optional<Framework> framework, Map<String, Answer> answers) {

		public Draft {
			answers = Map.copyOf(answers);
		}

		/** The framework has a new version since this draft was last saved: answers should be checked. */
		public boolean frameworkChanged() {
			return framework.map(f -> !f.version().equals(assessment.frameworkVersion())).orElse(false);
		}

		public Optional<Answer> answer(String indicatorId) {
			return Optional.ofNullable(answers.get(indicatorId));
		}

		public boolean answered(String indicatorId) {
			return answer(indicatorId).map(Answer::complete).orElse(false);
		}

		public List<Framework.Indicator> indicators() {
			return framework.map(Framework::indicators).orElse(List.of());
		}

		public long answeredCount() {
			return indicators().stream().filter(i -> answered(i.id())).count();
		}

		public boolean complete() {
			return !indicators().isEmpty() && answeredCount() == indicators().size();
		}

		/** The question after this one, in framework order. */
		public Optional<Framework.Indicator> after(String indicatorId) {
			List<Framework.Indicator> all = indicators();
			for (int i = 0; i < all.size() - 1; i++) {
				if (all.get(i).id().equals(indicatorId)) {
					return Optional.of(all.get(i + 1));
				}
			}
			return Optional.empty();
		}

		public Optional<Framework.Indicator> before(String indicatorId) {
			List<Framework.Indicator> all = indicators();
			for (int i = 1; i < all.size(); i++) {
				if (all.get(i).id().equals(indicatorId)) {
					return Optional.of(all.get(i - 1));
				}
			}
			return Optional.empty();
		}

		/** 1-based position of a question, for "Question 3 of 12". */
		public int number(String indicatorId) {
			List<Framework.Indicator> all = indicators();
			for (int i = 0; i < all.size(); i++) {
				if (all.get(i).id().equals(indicatorId)) {
					return i + 1;
				}
			}
			return 0;
		}
	}
}
