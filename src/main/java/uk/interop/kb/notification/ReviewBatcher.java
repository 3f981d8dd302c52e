package uk.interop.kb.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import uk.interop.kb.account.Account;
import uk.interop.kb.account.AccountService;
import uk.interop.kb.account.Role;

/**
 * Editors hear of new submissions in batches, not one email each: once the oldest unannounced
 * submission has waited {@code review-batch-window}, every unannounced one goes into one message per
 * editor. The rows are claimed (stamped with this batch) in the transaction that writes the messages,
 * so two instances never announce the same submission twice, and a crash announces it later, not never.
 */
@Component
class ReviewBatcher {

	record Item(String title, String contributor) {
	}

	private static final Logger log = LoggerFactory.getLogger(ReviewBatcher.class);

	private final JdbcClient jdbc;
	private final Outbox outbox;
	private final MailTemplates templates;
	private final MailLinks links;
	private final UnsubscribeLinks unsubscribe;
	private final AccountService accounts;
	private final NotificationProperties properties;
	private final TransactionOperations transactions;
	private final Clock clock;

	ReviewBatcher(JdbcClient jdbc, Outbox outbox, MailTemplates templates, MailLinks links, UnsubscribeLinks unsubscribe,
			AccountService accounts, NotificationProperties properties, TransactionOperations transactions, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.templates = templates;
		this.links = links;
		this.unsubscribe = unsubscribe;
		this.accounts = accounts;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Sends a batch if one is due at {@code now}; returns how many submissions it announced. */
	int sendDue(Instant now) {
		Optional<OffsetDateTime> oldest = jdbc.sql("select min(created_at) from review_notice where batch is null")
			.query(OffsetDateTime.class).optional();
		if (oldest.isEmpty() || oldest.get().toInstant().isAfter(now.minus(properties.reviewBatchWindow()))) {
			return 0;
		}
		String batch = UUID.randomUUID().toString();
		Integer announced = transactions.execute(status -> {
			jdbc.sql("update review_notice set batch = :batch where batch is null").param("batch", batch).update();
			List<Item> items = jdbc.sql("select title, contributor from review_notice where batch = :batch order by id")
				.param("batch", batch).query(Item.class).list();
			if (items.isEmpty()) {
				return 0;
			}
			for (Account editor : accounts.enabledWithRoleAtLeast(Role.EDITOR)) {
				if (editor.email().isPresent()) {
					write(editor, items);
				}
			}
			return items.size();
		});
		return announced == null ? 0 : announced;
	}

	void sendDueQuietly() {
		try {
			sendDue(clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Could not send the review-queue message: {}", ex.toString());
		}
	}

	private void write(Account editor, List<Item> items) {
		String subject = items.size() == 1 ? "1 contribution waiting for review"
				: items.size() + " contributions waiting for review";
		Optional<String> stop = Optional.of(unsubscribe.forKind(editor.id(), EmailKind.REVIEW_WAITING));
		MailTemplates.Rendered rendered = templates.render("review-waiting",
				Map.of("heading", subject, "count", items.size(), "items", items, "link", links.absolute("/moderation")),
				"You got this email because you are an editor of Interop KB.", stop);
		outbox.add(new Email(EmailKind.REVIEW_WAITING, editor.email().orElseThrow(), Optional.of(editor.id()), subject,
				rendered.text(), rendered.html(), stop));
	}
}
