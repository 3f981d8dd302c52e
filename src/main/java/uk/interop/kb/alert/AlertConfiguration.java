package uk.interop.kb.alert;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

	@Bean
	Poller alertPoller(AlertRun run) {
		return new Poller(run);
	}

	/** Looks for due alerts every minute; "within minutes" alerts are due every {@code immediate-interval}. */
	static final class Poller {
		private final AlertRun run;

		Poller(AlertRun run) {
			this.run = run;
		}

		@Scheduled(fixedDelayString = "${kb.alerts.check-interval:1m}", initialDelayString = "${kb.alerts.check-interval:1m}")
		void poll() {
			run.runDueQuietly();
		}
	}
}
