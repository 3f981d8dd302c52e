package uk.interop.kb.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.search.DocumentChanged;
import uk.interop.kb.search.IndexStatus;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * The contribution workflow. Contributors create, edit and submit their own; editors request
 * changes, reject, edit metadata, publish and withdraw. Every change is a new revision or a
 * recorded transition; a concurrent change is refused, never silently overwritten. Publishing and
 * withdrawing change what search shows, so they are refused whole ({@link IndexStatus}) while the index
 * cannot take writes.
 */
@Service
public class SubmissionService {

	private static final Set<SubmissionStatus> QUEUE = Set.of(SubmissionStatus.SUBMITTED,
			SubmissionStatus.CHANGES_REQUESTED);

	private final SubmissionRepository repository;
	private final SubmissionMarkdown markdown;
	private final SubmissionValidator validator;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final IndexStatus index;
	private final SuggestionTargets targets;

	SubmissionService(SubmissionRepository repository, Taxonomy taxonomy, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, IndexStatus index, SuggestionTargets targets) {
		this.targets = targets;
		this.repository = repository;
		this.markdown = new SubmissionMarkdown(taxonomy);
		this.validator = new SubmissionValidator(taxonomy);
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.index = index;
	}

	/** The outcome of a save: field errors (nothing saved), or the submission as it now is. */
	public record Saved(Map<String, String> errors, Optional<Submission> submission) {
		static Saved invalid(Map<String, String> errors) {
			return new Saved(errors, Optional.empty());
		}

		public boolean ok() {
			return errors.isEmpty();
		}
	}

	/**
	 * Creates a draft. {@code formToken} identifies the form page: posting the same form twice
	 * (refresh, double click) returns the submission the first post created.
	 */
	@Transactional
	public Saved create(KbUser owner, SubmissionForm form, String formToken, String source) {
		requireRole(owner, Role.CONTRIBUTOR);
		Optional<Long> earlier = formToken.isBlank() ? Optional.empty() : repository.submissionForFormToken(formToken);
		if (earlier.isPresent()) {
			return new Saved(Map.of(), repository.find(earlier.get()));
		}
		Map<String, String> errors = validator.check(form, false);
		if (!errors.isEmpty()) {
			return Saved.invalid(errors);
		}
		String documentId = "contributions/" + slug(form.title()) + "-"
				+ java.util.UUID.randomUUID().toString().substring(0, 8);
		long id = repository.insert(documentId, owner.id(), form.title(), clock.instant());
		if (!formToken.isBlank() && !repository.claimFormToken(formToken, id, clock.instant())) {
			// The same form, posted twice at once: this transaction rolls back, the other one stands.
			throw new DuplicateFormException(formToken);
		}
		repository.recordCreation(id, owner.id(), clock.instant());
		repository.addRevision(id, 0, form.title(), markdown.write(documentId, form, today(), owner.displayName()),
				owner.id(), clock.instant());
		audit.record(owner.getUsername(), "SUBMISSION_CREATED", documentId, form.title(), source);
		return new Saved(Map.of(), repository.find(id));
	}

	/** What a suggestion form starts from: the published document, its title and its current text as a form. */
	public record Suggestable(String documentId, String title, boolean contentFile, String path, SubmissionForm form) {
	}

	/** The published lesson or case study this user may suggest a change to; empty for anything else. */
	public Optional<Suggestable> suggestable(KbUser user, String documentId) {
		if (!user.role().includes(Role.CONTRIBUTOR)) {
			return Optional.empty();
		}
		return targets.find(documentId).map(t -> new Suggestable(t.documentId(), t.title(), t.isFile(), t.path(),
				t.form()));
	}

	/**
	 * A draft suggesting a change to a published document. It then goes through the same review as any submission;
	 * publishing it changes that document (or, for a content file, gives the file to commit).
	 */
	@Transactional
	public Saved suggest(KbUser owner, String documentId, SubmissionForm form, String changeSummary, String formToken,
			String source) {
		requireRole(owner, Role.CONTRIBUTOR);
		Optional<Long> earlier = formToken.isBlank() ? Optional.empty() : repository.submissionForFormToken(formToken);
		if (earlier.isPresent()) {
			return new Saved(Map.of(), repository.find(earlier.get()));
		}
		SuggestionTargets.Target target = targets.find(documentId).orElseThrow(NotFoundException::new);
		Map<String, String> errors = new java.util.LinkedHashMap<>(validator.check(form, false));
		String summary = summary(changeSummary, errors);
		if (!errors.isEmpty()) {
			return Saved.invalid(errors);
		}
		String id = "suggestions/" + slug(form.title()) + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		long created = repository.insertSuggestion(id, owner.id(), form.title(), target.documentId(), summary,
				target.base(), clock.instant());
		if (!formToken.isBlank() && !repository.claimFormToken(formToken, created, clock.instant())) {
			throw new DuplicateFormException(formToken);
		}
		repository.recordCreation(created, owner.id(), clock.instant());
		repository.addRevision(created, 0, form.title(), markdown.write(id, form, today(), owner.displayName()),
				owner.id(), clock.instant());
		audit.record(owner.getUsername(), "SUGGESTION_CREATED", target.documentId(), summary, source);
		return new Saved(Map.of(), repository.find(created));
	}

	/** The one-line summary of a suggested change, checked; problems go into {@code errors}. */
	private static String summary(String changeSummary, Map<String, String> errors) {
		String summary = changeSummary == null ? "" : changeSummary.strip().replaceAll("\\s+", " ");
		if (summary.length() > MAX_CHANGE_SUMMARY) {
			errors.put("changeSummary", "The summary of your change must be " + MAX_CHANGE_SUMMARY
					+ " characters or fewer");
		}
		return summary;
	}

	static final int MAX_CHANGE_SUMMARY = 300;

	/**
	 * What a suggestion would do to the published text, line by line; empty for a submission that is not a
	 * suggestion, or whose document is no longer published.
	 */
	public Optional<RevisionDiff> changeToPublished(Submission submission) {
		return submission.changesDocument().flatMap(targets::find)
			.map(t -> RevisionDiff.between(t.publishedText(), targets.proposed(t, form(submission))));
	}

	/** The published document a suggestion changes, if it still is published. */
	public Optional<Suggestable> changedDocument(Submission submission) {
		return submission.changesDocument().flatMap(targets::find)
			.map(t -> new Suggestable(t.documentId(), t.title(), t.isFile(), t.path(), t.form()));
	}

	/** Saves a new revision (and a suggestion's summary) if nobody changed it since {@code expectedVersion}. */
	@Transactional
	public Saved update(KbUser user, long id, SubmissionForm form, String changeSummary, int expectedVersion,
			String source) {
		Submission submission = visible(user, id);
		if (submission.isSuggestion() && changeSummary != null) {
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			String summary = summary(changeSummary, errors);
			if (!errors.isEmpty()) {
				return Saved.invalid(errors);
			}
			Saved saved = update(user, id, form, expectedVersion, source);
			if (saved.ok()) {
				repository.updateChangeSummary(id, summary);
				return new Saved(Map.of(), repository.find(id));
			}
			return saved;
		}
		return update(user, id, form, expectedVersion, source);
	}

	/** Saves a new revision if nobody changed the submission since {@code expectedVersion}. */
	@Transactional
	public Saved update(KbUser user, long id, SubmissionForm form, int expectedVersion, String source) {
		Submission submission = visible(user, id);
		boolean owner = submission.ownerId() == user.id();
		boolean editorEdit = isEditor(user) && submission.status() == SubmissionStatus.SUBMITTED;
		if (!(owner && submission.status().editableByOwner()) && !editorEdit) {
			throw new NotAllowedException("This submission cannot be changed now");
		}
		Map<String, String> errors = validator.check(form, submission.status() != SubmissionStatus.DRAFT);
		if (!errors.isEmpty()) {
			return Saved.invalid(errors);
		}
		String text = markdown.write(submission.documentId(), form, today(), submission.ownerName());
		if (!repository.addRevision(id, expectedVersion, form.title(), text, user.id(), clock.instant())) {
			throw new EditConflictException(repository.find(id).orElseThrow());
		}
		audit.record(user.getUsername(), editorEdit && !owner ? "SUBMISSION_EDITED_BY_EDITOR" : "SUBMISSION_EDITED",
				submission.documentId(), "revision " + (submission.currentRevision() + 1), source);
		return new Saved(Map.of(), repository.find(id));
	}

	@Transactional
	public Saved submit(KbUser owner, long id, int expectedVersion, String source) {
		Submission submission = visible(owner, id);
		if (submission.ownerId() != owner.id()) {
			throw new NotAllowedException("Only the contributor can submit this");
		}
		if (submission.status() == SubmissionStatus.SUBMITTED) {
			return new Saved(Map.of(), Optional.of(submission));
		}
		if (!submission.status().editableByOwner()) {
			throw new NotAllowedException("This submission cannot be submitted now");
		}
		SubmissionForm form = form(submission);
		Map<String, String> errors = new java.util.LinkedHashMap<>(validator.check(form, true));
		suggestionProblem(submission, form).ifPresent(problem -> errors.put(problem.getKey(), problem.getValue()));
		if (!errors.isEmpty()) {
			return Saved.invalid(errors);
		}
		move(owner, submission, expectedVersion, SubmissionStatus.SUBMITTED, null, "SUBMISSION_SUBMITTED", source);
		return new Saved(Map.of(), repository.find(id));
	}

	@Transactional
	public Saved requestChanges(KbUser editor, long id, int expectedVersion, String comment, String source) {
		requireRole(editor, Role.EDITOR);
		if (comment == null || comment.isBlank()) {
			return Saved.invalid(Map.of("comment", "Say what needs to change"));
		}
		Submission submission = repository.find(id).orElseThrow(NotFoundException::new);
		requireStatus(submission, SubmissionStatus.SUBMITTED);
		move(editor, submission, expectedVersion, SubmissionStatus.CHANGES_REQUESTED, comment.strip(),
				"SUBMISSION_CHANGES_REQUESTED", source);
		return new Saved(Map.of(), repository.find(id));
	}

	@Transactional
	public Saved reject(KbUser editor, long id, int expectedVersion, String reason, String source) {
		requireRole(editor, Role.EDITOR);
		if (reason == null || reason.isBlank()) {
			return Saved.invalid(Map.of("reason", "Give the reason for rejecting it"));
		}
		Submission submission = repository.find(id).orElseThrow(NotFoundException::new);
		requireStatus(submission, SubmissionStatus.SUBMITTED);
		move(editor, submission, expectedVersion, SubmissionStatus.REJECTED, reason.strip(), "SUBMISSION_REJECTED",
				source);
		return new Saved(Map.of(), repository.find(id));
	}

	/** The three redaction checks an editor confirms before anything is published. */
	public record RedactionChecklist(boolean noPersonalData, boolean noSensitiveMaterial, boolean consentToAttribute) {
		boolean complete() {
			return noPersonalData && noSensitiveMaterial && consentToAttribute;
		}
	}

	/**
	 * Why a suggestion cannot go ahead (field and message): no summary, nothing changed, or its document is no longer
	 * published. Empty for a good suggestion, and for any other submission.
	 */
	private Optional<Map.Entry<String, String>> suggestionProblem(Submission submission, SubmissionForm form) {
		if (!submission.isSuggestion()) {
			return Optional.empty();
		}
		Optional<SuggestionTargets.Target> target = targets.find(submission.changesDocument().get());
		if (target.isEmpty()) {
			return Optional.of(Map.entry("submission", "The document this changes is no longer published"));
		}
		if (submission.changeSummary().isBlank()) {
			return Optional.of(Map.entry("changeSummary", "Say in a line what you changed, for the page’s history"));
		}
		if (targets.proposed(target.get(), form).equals(target.get().publishedText())) {
			return Optional.of(Map.entry("body", "You have not changed anything yet"));
		}
		return Optional.empty();
	}

	/** Publishes; after the commit the engine indexes it and waits until search shows it, so the editor's next page finds it. */
	@Transactional
	public Saved publish(KbUser editor, long id, int expectedVersion, RedactionChecklist checklist, String source) {
		requireRole(editor, Role.EDITOR);
		if (!checklist.complete()) {
			return Saved.invalid(Map.of("checklist", "Confirm all three redaction checks before publishing"));
		}
		Submission submission = repository.find(id).orElseThrow(NotFoundException::new);
		if (submission.status() == SubmissionStatus.PUBLISHED) {
			return new Saved(Map.of(), Optional.of(submission));
		}
		requireStatus(submission, SubmissionStatus.SUBMITTED);
		Map<String, String> errors = new java.util.LinkedHashMap<>(validator.check(form(submission), true));
		suggestionProblem(submission, form(submission)).ifPresent(p -> errors.put(p.getKey(), p.getValue()));
		if (!errors.isEmpty()) {
			return Saved.invalid(Map.of("checklist",
					"It cannot be published until it is complete: " + String.join("; ", errors.values())));
		}
		if (submission.isSuggestion()) {
			return publishSuggestion(editor, submission, expectedVersion, source);
		}
		// Before anything changes: if search cannot follow (a full disk), refuse the whole change.
		index.requireWritable();
		move(editor, submission, expectedVersion, SubmissionStatus.PUBLISHED, null, "SUBMISSION_PUBLISHED", source);
		events.publishEvent(new DocumentChanged(submission.documentId(), "SUBMISSION_PUBLISHED"));
		return new Saved(Map.of(), repository.find(id));
	}

	/**
	 * The change goes into the published document as its new revision, with a line in its public history, and search
	 * is told; a change to a content file is accepted, and its file is what to commit. Refused when the published text
	 * changed after the suggestion was made, since publishing would undo that change.
	 */
	private Saved publishSuggestion(KbUser editor, Submission suggestion, int expectedVersion, String source) {
		SuggestionTargets.Target target = targets.find(suggestion.changesDocument().orElseThrow()).orElseThrow();
		if (!target.base().equals(suggestion.changesBase())) {
			return Saved.invalid(Map.of("checklist", "The published document has changed since this was suggested, "
					+ "so publishing it would undo that change. Ask the contributor to suggest it again from the "
					+ "page as it is now."));
		}
		if (target.isFile()) {
			move(editor, suggestion, expectedVersion, SubmissionStatus.ACCEPTED, null, "SUGGESTION_EXPORTED", source);
			return new Saved(Map.of(), repository.find(suggestion.id()));
		}
		index.requireWritable();
		SubmissionForm form = form(suggestion);
		Submission published = target.submission().orElseThrow();
		if (!repository.addRevision(published.id(), published.version(), form.title(), targets.proposed(target, form),
				editor.id(), clock.instant())) {
			throw new EditConflictException(suggestion);
		}
		repository.addDocumentChange(target.documentId(), clock.instant(), suggestion.changeSummary(), suggestion.id());
		move(editor, suggestion, expectedVersion, SubmissionStatus.PUBLISHED, null, "SUGGESTION_PUBLISHED", source);
		events.publishEvent(new DocumentChanged(target.documentId(), "SUGGESTION_PUBLISHED"));
		return new Saved(Map.of(), repository.find(suggestion.id()));
	}

	@Transactional
	public Saved withdraw(KbUser editor, long id, int expectedVersion, String reason, String source) {
		requireRole(editor, Role.EDITOR);
		if (reason == null || reason.isBlank()) {
			return Saved.invalid(Map.of("reason", "Give the reason for withdrawing it"));
		}
		Submission submission = repository.find(id).orElseThrow(NotFoundException::new);
		if (submission.status() == SubmissionStatus.WITHDRAWN) {
			return new Saved(Map.of(), Optional.of(submission));
		}
		requireStatus(submission, SubmissionStatus.PUBLISHED);
		if (submission.isSuggestion()) {
			throw new NotAllowedException("A published change is part of its document now: withdraw the document instead");
		}
		index.requireWritable();
		move(editor, submission, expectedVersion, SubmissionStatus.WITHDRAWN, reason.strip(), "SUBMISSION_WITHDRAWN",
				source);
		events.publishEvent(new DocumentChanged(submission.documentId(), "SUBMISSION_WITHDRAWN"));
		return new Saved(Map.of(), repository.find(id));
	}

	/** A new draft from an uploaded Markdown file; an exported file of one's own updates that submission instead. */
	@Transactional
	public Saved importFile(KbUser owner, String text, String source) {
		requireRole(owner, Role.CONTRIBUTOR);
		SubmissionForm form = markdown.read(text, today());
		String declared = markdown.declaredId(text, today());
		Optional<Submission> existing = declared.isEmpty() ? Optional.empty()
				: repository.findByDocumentId(declared);
		if (existing.isPresent() && existing.get().ownerId() == owner.id()
				&& existing.get().status().editableByOwner()) {
			return update(owner, existing.get().id(), form, existing.get().version(), source);
		}
		if (existing.isPresent()) {
			return Saved.invalid(Map.of("file", "That file belongs to a submission you cannot change now"));
		}
		return create(owner, form, "", source);
	}

	public List<Submission> mine(KbUser owner) {
		return repository.findByOwner(owner.id());
	}

	/** Editors' queue, oldest first; {@code status} narrows it (empty: everything awaiting action). */
	public List<Submission> queue(KbUser editor, Optional<SubmissionStatus> status) {
		requireRole(editor, Role.EDITOR);
		List<String> statuses = status.map(s -> List.of(s.name()))
			.orElse(QUEUE.stream().map(Enum::name).sorted().toList());
		return repository.findByStatus(statuses);
	}

	/** The submission if this user may see it (its contributor, or an editor); otherwise not found. */
	public Submission visible(KbUser user, long id) {
		Submission submission = repository.find(id).orElseThrow(NotFoundException::new);
		if (submission.ownerId() != user.id() && !isEditor(user)) {
			throw new NotFoundException();
		}
		return submission;
	}

	public Revision currentRevision(Submission submission) {
		return repository.revision(submission.id(), submission.currentRevision()).orElseThrow();
	}

	public Optional<Revision> previousRevision(Submission submission) {
		return submission.currentRevision() > 1
				? repository.revision(submission.id(), submission.currentRevision() - 1) : Optional.empty();
	}

	public List<Revision> revisions(Submission submission) {
		return repository.revisions(submission.id());
	}

	public List<SubmissionEvent> events(Submission submission) {
		return repository.events(submission.id());
	}

	public SubmissionForm form(Submission submission) {
		return markdown.read(currentRevision(submission).markdown(), today());
	}

	/** What a form would be saved as, for comparing with the stored revision after a conflict. */
	public String draftText(Submission submission, SubmissionForm form) {
		return markdown.write(submission.documentId(), form, today(), submission.ownerName());
	}

	/**
	 * The file to commit into {@code content/}: the current revision, dated with its publication; for a suggested
	 * change, the changed document's whole file as it would be (its id, its other front matter kept).
	 */
	public String export(KbUser user, long id) {
		Submission submission = visible(user, id);
		if (submission.isSuggestion()) {
			Optional<SuggestionTargets.Target> target = submission.changesDocument().flatMap(targets::find);
			if (target.isPresent()) {
				return targets.proposed(target.get(), form(submission));
			}
		}
		LocalDate date = submission.publishedAt().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC)).orElse(today());
		return markdown.write(submission.documentId(), form(submission), date, submission.ownerName());
	}

	private void move(KbUser actor, Submission submission, int expectedVersion, SubmissionStatus to, String comment,
			String action, String source) {
		if (!repository.transition(submission.id(), expectedVersion, submission.status(), to, actor.id(), comment,
				clock.instant())) {
			throw new EditConflictException(repository.find(submission.id()).orElseThrow());
		}
		audit.record(actor.getUsername(), action, submission.documentId(), comment, source);
		events.publishEvent(new SubmissionMoved(submission.id(),
				submission.changesDocument().orElse(submission.documentId()), submission.title(),
				submission.ownerId(), submission.ownerName(), submission.status(), to, comment == null ? "" : comment,
				actor.id(), actor.displayName()));
	}

	private static void requireStatus(Submission submission, SubmissionStatus status) {
		if (submission.status() != status) {
			throw new NotAllowedException("This cannot be done to a submission that is "
					+ submission.status().label().toLowerCase(Locale.ROOT));
		}
	}

	private static void requireRole(KbUser user, Role role) {
		if (!user.role().includes(role)) {
			throw new NotAllowedException("Your role does not allow this");
		}
	}

	private static boolean isEditor(KbUser user) {
		return user.role().includes(Role.EDITOR);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	static String slug(String title) {
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
		}
		return slug.isEmpty() ? "untitled" : slug;
	}

	/** Someone else changed the submission first; {@code current} is how it is now. */
	public static class EditConflictException extends RuntimeException {
		private final transient Submission current;

		EditConflictException(Submission current) {
			super("Changed since it was opened", null, false, false);
			this.current = current;
		}

		public Submission current() {
			return current;
		}
	}

	/** The action is not open to this user, or not in this state. */
	public static class NotAllowedException extends RuntimeException {
		NotAllowedException(String message) {
			super(message, null, false, false);
		}
	}

	/** A second concurrent post of the same new-submission form. */
	public static class DuplicateFormException extends RuntimeException {
		private final String token;

		DuplicateFormException(String token) {
			super("Form already submitted", null, false, false);
			this.token = token;
		}

		public String token() {
			return token;
		}
	}

	/** The submission a form token created, if that form was processed. */
	public Optional<Long> createdBy(String formToken) {
		return repository.submissionForFormToken(formToken);
	}

	/** No such submission, or not one this user may see. */
	public static class NotFoundException extends RuntimeException {
		NotFoundException() {
			super("Not found", null, false, false);
		}
	}
}
