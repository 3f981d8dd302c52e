/**
 * Email. Features announce what happened with their own events, published inside their transactions
 * ({@code account.AccountNotice}, {@code submission.SubmissionMoved}, {@code problembook.MappingDisputed});
 * listeners here turn each into {@code outbox_message} rows in that same transaction, so a message exists
 * exactly when the change commits. {@code OutboxSender} sends afterwards on its own thread, never inside a
 * transaction: one sender claims a row at a time (two instances never both send it), failures are retried
 * with backoff and recorded, and administrators see them on {@code /admin/email}. Transports: SMTP
 * ({@code spring.mail.*}), GOV.UK Notify, or the embedded default that writes {@code .eml} files under
 * {@code data/outbox/}. Also the message templates, preferences for the optional kinds and one-click
 * unsubscribe (RFC 8058). {@code Outbox} is the face other modules (saved-search alerts) write through.
 */
@ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "account", "audit", "problembook", "submission", "shared", "web" })
package uk.interop.kb.notification;

import org.springframework.modulith.ApplicationModule;
