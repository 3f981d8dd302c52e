package uk.interop.kb.account;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.interop.kb.shared.RetentionProperties;

/**
 * Invitation and reset links hold an email address and who made them. Once used or expired they are kept
 * {@code kb.retention.links} (so an administrator can still tell what became of one), then deleted nightly, as
 * the privacy notice says. Only the token's hash was ever stored.
 */
@Component
class LinkRetention {

	private static final Logger log = LoggerFactory.getLogger(LinkRetention.class);

	private final AccountRepository accounts;
	private final Clock clock;
	private final RetentionProperties retention;

	LinkRetention(AccountRepository accounts, Clock clock, RetentionProperties retention) {
		this.accounts = accounts;
		this.clock = clock;
		this.retention = retention;
	}

	/** Deletes links used or expired more than the retention period ago; returns how many. */
	@Scheduled(cron = "0 29 3 * * *", zone = "UTC")
	int deleteExpired() {
		int deleted = accounts.deleteLinksDoneBefore(clock.instant().minus(retention.links()));
		if (deleted > 0) {
			log.info("Deleted {} used or expired one-time links", deleted);
		}
		return deleted;
	}
}
