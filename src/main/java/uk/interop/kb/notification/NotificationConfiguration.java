package uk.interop.kb.notification;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	OutboxSender outboxSender(OutboxRepository rows, MailTransport transport, NotificationProperties properties,
			Clock clock) {
		return new OutboxSender(rows, transport, properties, clock);
	}

	@Bean
	Poller outboxPoller(OutboxSender sender, ReviewBatcher batcher) {
		return new Poller(sender, batcher);
	}

	/**
	 * Each commit that writes a message wakes the sender at once; this poll catches the rest: retries
	 * coming due, rows another instance wrote, and rows a dead sender held.
	 */
	static final class Poller {
		private final OutboxSender sender;
		private final ReviewBatcher batcher;

		Poller(OutboxSender sender, ReviewBatcher batcher) {
			this.sender = sender;
			this.batcher = batcher;
		}

		@Scheduled(fixedDelayString = "${kb.mail.poll-interval:5s}", initialDelayString = "${kb.mail.poll-interval:5s}")
		void poll() {
			sender.wake();
		}

		@Scheduled(fixedDelayString = "${kb.mail.review-batch-check:30s}", initialDelayString = "${kb.mail.review-batch-check:30s}")
		void batch() {
			batcher.sendDueQuietly();
		}
	}
}
