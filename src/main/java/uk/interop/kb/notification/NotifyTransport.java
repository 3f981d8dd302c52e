package uk.interop.kb.notification;

import java.net.URI;
import java.util.Map;

import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * GOV.UK Notify. Notify sends from its own templates: one email template whose subject is
 * {@code ((subject))} and body {@code ((body))} carries every kind (or a kind's own template, with the
 * same two fields), with the plain-text part as the body (Notify renders it in its own GOV.UK style). The row's Message-ID is the Notify reference, and an
 * optional kind's unsubscribe link is Notify's one-click unsubscribe URL.
 */
final class NotifyTransport implements MailTransport {

	private final NotificationClient client;
	private final NotificationProperties.Notify settings;

	NotifyTransport(NotificationProperties.Notify settings) {
		this.settings = settings;
		this.client = new NotificationClient(settings.apiKey(), settings.baseUrl());
	}

	@Override
	public void send(OutboxRepository.Row message) throws DeliveryException {
		try {
			client.sendEmail(settings.templateFor(message.kind()), message.recipient(),
					Map.of("subject", message.subject(), "body", message.text()), message.messageId(),
					settings.replyToId().isBlank() ? null : settings.replyToId(),
					message.unsubscribeUrl().map(URI::create).orElse(null));
		}
		catch (NotificationClientException ex) {
			// Notify answers 400 for a message it will never accept and 403 for a bad key; 429 and 5xx pass.
			int status = ex.getHttpResult();
			throw new DeliveryException("GOV.UK Notify answered " + status + ": " + ex.getMessage(), status == 400, ex);
		}
	}

	@Override
	public String describe() {
		return "GOV.UK Notify (" + settings.baseUrl() + ")";
	}
}
