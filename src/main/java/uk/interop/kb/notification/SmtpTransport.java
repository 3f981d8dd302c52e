package uk.interop.kb.notification;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

/** SMTP through Spring's {@link JavaMailSender}, configured by the standard {@code spring.mail.*} properties. */
final class SmtpTransport implements MailTransport {

	private final JavaMailSender sender;
	private final NotificationProperties properties;
	private final String description;

	SmtpTransport(JavaMailSender sender, NotificationProperties properties, String description) {
		this.sender = sender;
		this.properties = properties;
		this.description = description;
	}

	@Override
	public void send(OutboxRepository.Row message) throws DeliveryException {
		try {
			sender.send(MimeMessages.build(message, properties));
		}
		catch (MessagingException ex) {
			throw new DeliveryException("The message could not be built: " + ex.getMessage(), true, ex);
		}
		catch (MailAuthenticationException ex) {
			throw new DeliveryException("The mail server refused our credentials: " + ex.getMessage(), false, ex);
		}
		catch (MailSendException ex) {
			boolean refusedAddress = ex.getFailedMessages().values().stream()
				.anyMatch(cause -> cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
						&& failed.getInvalidAddresses().length > 0);
			throw new DeliveryException(describe(ex), refusedAddress, ex);
		}
		catch (MailException ex) {
			throw new DeliveryException(describe(ex), false, ex);
		}
	}

	private static String describe(Exception ex) {
		Throwable deepest = ex;
		while (deepest.getCause() != null && deepest.getCause() != deepest) {
			deepest = deepest.getCause();
		}
		return deepest == ex ? String.valueOf(ex.getMessage())
				: ex.getClass().getSimpleName() + ": " + deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
	}

	@Override
	public String describe() {
		return description;
	}
}
