package uk.interop.kb.notification;

/** How a message leaves: SMTP, GOV.UK Notify or the {@code .eml} folder. Called by the sender only, never in a transaction. */
interface MailTransport {

	void send(OutboxRepository.Row message) throws DeliveryException;

	/** For the admin page and the log. */
	String describe();

	/** A failed send. {@code permanent}: trying again cannot help (a refused address), so the message fails at once. */
	final class DeliveryException extends Exception {
		private final boolean permanent;

		DeliveryException(String message, boolean permanent, Throwable cause) {
			super(message, cause);
			this.permanent = permanent;
		}

		boolean permanent() {
			return permanent;
		}
	}
}
