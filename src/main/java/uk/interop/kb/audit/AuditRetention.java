package uk.interop.kb.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.interop.kb.shared.RetentionProperties;

/**
 * The one exception to the log being append-only: events older than {@code kb.retention.audit-log} are deleted
 * every night, as the privacy notice says. They hold names, email addresses and network addresses.
 */
@Component
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final RetentionProperties retention;

	AuditRetention(JdbcClient jdbc, Clock clock, RetentionProperties retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	/** Deletes the events past the retention period; returns how many. */
	@Scheduled(cron = "0 23 3 * * *", zone = "UTC")
	int deleteExpired() {
		OffsetDateTime cutoff = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(retention.auditLog());
		int deleted = jdbc.sql("delete from audit_event where occurred_at < :cutoff").param("cutoff", cutoff).update();
		if (deleted > 0) {
			log.info("Deleted {} audit events older than {}", deleted, RetentionProperties.describe(retention.auditLog()));
		}
		return deleted;
	}
}
