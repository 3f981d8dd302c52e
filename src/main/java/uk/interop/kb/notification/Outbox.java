package uk.interop.kb.notification;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where every message starts: a row written in the caller's transaction, so it exists exactly when
 * the change it tells of commits. Optional kinds a person turned off are dropped here. Nothing is
 * sent here: after the commit the sender is woken, and sends on its own thread.
 */
@Service
public class Outbox {

	private final OutboxRepository rows;
	private final Preferences preferences;
	private final OutboxSender sender;
	private final String messageIdDomain;
	private final Clock clock;

	Outbox(OutboxRepository rows, Preferences preferences, OutboxSender sender, NotificationProperties properties,
			Clock clock) {
		this.rows = rows;
		this.preferences = preferences;
		this.sender = sender;
		this.messageIdDomain = domainOf(properties.from());
		this.clock = clock;
	}

	/** Writes the message unless its recipient turned its kind off; true if it was written. */
	@Transactional
	public boolean add(Email email) {
		if (email.kind().optional() && email.accountId().isPresent()
				&& !preferences.wants(email.accountId().get(), email.kind())) {
			return false;
		}
		rows.insert(email, "<" + UUID.randomUUID() + "@" + messageIdDomain + ">", clock.instant());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sender.wake();
				}
			});
		}
		else {
			sender.wake();
		}
		return true;
	}

	/** The domain of the From address, for Message-IDs that say where they came from. */
	static String domainOf(String from) {
		String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>', from.indexOf('<')))
				: from;
		String domain = address.contains("@") ? address.substring(address.indexOf('@') + 1).strip() : "";
		return domain.matches("[A-Za-z0-9.-]+") ? domain : "interop-kb.invalid";
	}
}
