package uk.interop.kb.notification;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A row as a MIME message: plain text and HTML alternatives, the row's own Message-ID (so a resend
 * after a crash is recognisably the same message), and for optional kinds the RFC 8058 one-click
 * unsubscribe headers.
 */
final class MimeMessages {

	private static final Session SESSION = Session.getInstance(new Properties());

	private MimeMessages() {
	}

	static MimeMessage build(OutboxRepository.Row row, NotificationProperties properties) throws MessagingException {
		MimeMessage message = new MimeMessage(SESSION) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", row.messageId());
			}
		};
		message.setFrom(new InternetAddress(properties.from(), true));
		if (!properties.replyTo().isBlank()) {
			message.setReplyTo(InternetAddress.parse(properties.replyTo(), true));
		}
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(row.recipient(), true));
		message.setSubject(row.subject(), StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(row.createdAt()));
		MimeBodyPart text = new MimeBodyPart();
		text.setText(row.text(), StandardCharsets.UTF_8.name());
		MimeMultipart alternatives = new MimeMultipart("alternative");
		alternatives.addBodyPart(text);
		if (!row.html().isEmpty()) {
			MimeBodyPart html = new MimeBodyPart();
			html.setText(row.html(), StandardCharsets.UTF_8.name(), "html");
			alternatives.addBodyPart(html);
		}
		message.setContent(alternatives);
		message.setHeader("Auto-Submitted", "auto-generated");
		if (row.unsubscribeUrl().isPresent()) {
			message.setHeader("List-Unsubscribe", "<" + row.unsubscribeUrl().get() + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		message.saveChanges();
		return message;
	}
}
