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

	SubmissionService(SubmissionRepository repository, Taxonomy taxonomy, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, IndexStatus index) {
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
		Map<String, String> errors = validator.check(form, true);
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
		Map<String, String> errors = validator.check(form(submission), true);
		if (!errors.isEmpty()) {
			return Saved.invalid(Map.of("checklist",
					"It cannot be published until it is complete: " + String.join("; ", errors.values())));
		}
		// Before anything changes: if search cannot follow (a full disk), refuse the whole change.
		index.requireWritable();
		move(editor, submission, expectedVersion, SubmissionStatus.PUBLISHED, null, "SUBMISSION_PUBLISHED", source);
		events.publishEvent(new DocumentChanged(submission.documentId(), "SUBMISSION_PUBLISHED"));
		return new Saved(Map.of(), repository.find(id));
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

	/** The file to commit into {@code content/}: the current revision, dated with its publication. */
	public String export(KbUser user, long id) {
		Submission submission = visible(user, id);
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
		events.publishEvent(new SubmissionMoved(submission.id(), submission.documentId(), submission.title(),
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
