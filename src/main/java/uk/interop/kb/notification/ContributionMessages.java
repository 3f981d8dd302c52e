package uk.interop.kb.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.interop.kb.account.Account;
import uk.interop.kb.account.AccountService;
import uk.interop.kb.account.Role;
import uk.interop.kb.problembook.MappingDisputed;
import uk.interop.kb.submission.SubmissionMoved;
import uk.interop.kb.submission.SubmissionStatus;

/**
 * Workflow messages, each written inside the transaction of the step it tells of: to the contributor
 * when a submission is received and when an editor decides (with the editor's comment); a note for
 * the editors' batched "waiting for review" message ({@link ReviewBatcher}); and to the other editors
 * when a problem-book mapping is disputed. All optional.
 */
@Component
class ContributionMessages {

	private final Outbox outbox;
	private final MailTemplates templates;
	private final MailLinks links;
	private final UnsubscribeLinks unsubscribe;
	private final AccountService accounts;
	private final JdbcClient jdbc;
	private final Clock clock;

	ContributionMessages(Outbox outbox, MailTemplates templates, MailLinks links, UnsubscribeLinks unsubscribe,
			AccountService accounts, JdbcClient jdbc, Clock clock) {
		this.outbox = outbox;
		this.templates = templates;
		this.links = links;
		this.unsubscribe = unsubscribe;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void on(SubmissionMoved moved) {
		if (moved.to() == SubmissionStatus.SUBMITTED) {
			jdbc.sql("""
					insert into review_notice (submission_id, title, contributor, created_at)
					values (:id, :title, :contributor, :now)""")
				.param("id", moved.submissionId()).param("title", cut(moved.title(), 300))
				.param("contributor", cut(moved.ownerName(), 200))
				.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
		}
		Optional<Account> owner = accounts.find(moved.ownerId()).filter(Account::enabled);
		if (owner.isEmpty() || owner.get().email().isEmpty()) {
			return;
		}
		String why = "You got this email because you contributed to Interop KB.";
		String submission = links.absolute("/submissions/" + moved.submissionId());
		switch (moved.to()) {
			case SUBMITTED -> write(EmailKind.SUBMISSION_RECEIVED, owner.get(), "We've received your submission",
					"submission-received", Map.of("title", moved.title(), "link", submission), why);
			case CHANGES_REQUESTED -> outcome(owner.get(), moved, "Changes requested: " + moved.title(),
					"An editor has asked for changes to “" + moved.title() + "” before it can be published.",
					"What to change", submission, "Make the changes", why);
			case PUBLISHED -> outcome(owner.get(), moved, "Published: " + moved.title(),
					"“" + moved.title() + "” has been published on Interop KB. Thank you for contributing.", "Comment",
					links.absolute("/documents/" + moved.documentId()), "Read it on Interop KB", why);
			case REJECTED -> outcome(owner.get(), moved, "Not accepted: " + moved.title(),
					"An editor has decided not to publish “" + moved.title() + "”.", "The reason", submission,
					"See your submission", why);
			case ACCEPTED -> outcome(owner.get(), moved, "Accepted: " + moved.title(),
					"An editor has accepted your suggested change to “" + moved.title() + "”. It will appear on "
							+ "Interop KB once it has been added to the content files.", "Comment", submission,
					"See your suggestion", why);
			case WITHDRAWN -> outcome(owner.get(), moved, "Withdrawn: " + moved.title(),
					"An editor has withdrawn “" + moved.title() + "”: it is no longer on Interop KB.", "The reason",
					submission, "See your submission", why);
			default -> {
				// Drafts and edits are the contributor's own doing: nothing to tell them.
			}
		}
	}

	@EventListener
	void on(MappingDisputed disputed) {
		String link = links.absolute("/problem-book/" + disputed.reference() + "/mapping");
		for (Account editor : accounts.enabledWithRoleAtLeast(Role.EDITOR)) {
			if (editor.username().equals(disputed.editorUsername()) || editor.email().isEmpty()) {
				continue;
			}
			write(EmailKind.MAPPING_DISPUTED, editor,
					"Mapping disputed: " + disputed.reference() + " at " + disputed.levelLabel(), "mapping-disputed",
					Map.of("heading", "A problem-book mapping was disputed", "editor", disputed.editorName(),
							"reference", disputed.reference(), "title", disputed.entryTitle(), "level",
							disputed.levelLabel().toLowerCase(java.util.Locale.ROOT), "rationale", disputed.rationale(),
							"link", link),
					"You got this email because you are an editor of Interop KB.");
		}
	}

	private void outcome(Account owner, SubmissionMoved moved, String subject, String sentence, String commentLabel,
			String link, String linkLabel, String why) {
		Map<String, Object> model = new HashMap<>();
		model.put("heading", subject);
		model.put("sentence", sentence);
		model.put("comment", moved.comment().isBlank() ? null : moved.comment());
		model.put("commentLabel", commentLabel);
		model.put("editor", moved.actorName());
		model.put("link", link);
		model.put("linkLabel", linkLabel);
		write(EmailKind.SUBMISSION_OUTCOME, owner, subject, "submission-outcome", model, why);
	}

	private void write(EmailKind kind, Account to, String subject, String template, Map<String, Object> model,
			String why) {
		Optional<String> stop = Optional.of(unsubscribe.forKind(to.id(), kind));
		MailTemplates.Rendered rendered = templates.render(template, model, why, stop);
		outbox.add(new Email(kind, to.email().orElseThrow(), Optional.of(to.id()), subject, rendered.text(),
				rendered.html(), stop));
	}

	private static String cut(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}
}
