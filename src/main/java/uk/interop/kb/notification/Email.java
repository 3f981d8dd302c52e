package uk.interop.kb.notification;

import java.util.Optional;

/**
 * One message, rendered, as the outbox holds it. {@code accountId} is the recipient's account when
 * they have one (invitations go to people who do not yet). {@code unsubscribeUrl}, for optional kinds,
 * becomes the RFC 8058 {@code List-Unsubscribe} header.
 */
public record Email(EmailKind kind, String recipient, Optional<Long> accountId, String subject, String text,
		String html, Optional<String> unsubscribeUrl) {

	public Email {
		if (subject.length() > 200) {
			subject = subject.substring(0, 199) + "…";
		}
	}
}
