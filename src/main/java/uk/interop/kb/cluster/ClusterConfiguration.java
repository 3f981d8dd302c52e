package uk.interop.kb.cluster;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import uk.interop.kb.search.DatabaseDocuments;

/** Follows the change log on a schedule, unless {@code kb.cluster.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kb.cluster.enabled", havingValue = "true", matchIfMissing = true)
class ClusterConfiguration {

	/** {@link DatabaseDocuments} is made after the start-up sync, so this follows from an index already in step. */
	@Bean
	ChangeLogFollower changeLogFollower(ChangeLog changes, DatabaseDocuments index, Clock clock) {
		return new ChangeLogFollower(changes, index, clock);
	}

	@Bean
	Poller changeLogPoller(ChangeLogFollower follower) {
		return new Poller(follower);
	}

	static final class Poller {
		private final ChangeLogFollower follower;

		Poller(ChangeLogFollower follower) {
			this.follower = follower;
		}

		@Scheduled(fixedDelayString = "${kb.cluster.poll-interval:500ms}", initialDelayString = "${kb.cluster.poll-interval:500ms}")
		void poll() {
			follower.pollQuietly();
		}
	}
}
