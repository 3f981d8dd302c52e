package uk.interop.kb.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.interop.kb.shared.RetentionProperties;

/**
 * Copies of emails hold names, addresses and what they said. Messages that are done with (sent, or failed for
 * good) are deleted {@code kb.retention.email} after they were written, nightly, as the privacy notice says;
 * so are the review notices already batched into messages and, with no mail server, the {@code .eml} files.
 * Messages still waiting are never deleted.
 */
@Component
class EmailRetention {

	private static final Logger log = LoggerFactory.getLogger(EmailRetention.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final RetentionProperties retention;
	private final MailTransport transport;

	EmailRetention(JdbcClient jdbc, Clock clock, RetentionProperties retention, MailTransport transport) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
		this.transport = transport;
	}

	/** Deletes what is past the retention period; returns how many messages and files. */
	@Scheduled(cron = "0 35 3 * * *", zone = "UTC")
	int deleteExpired() {
		Instant cutoff = clock.instant().minus(retention.email());
		OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
		int messages = jdbc.sql("delete from outbox_message where status in ('SENT', 'FAILED') and created_at < :cutoff")
			.param("cutoff", at).update();
		jdbc.sql("delete from review_notice where batch is not null and created_at < :cutoff").param("cutoff", at)
			.update();
		int files = transport instanceof FileTransport written ? deleteFiles(written.files(), cutoff) : 0;
		if (messages + files > 0) {
			log.info("Deleted {} emails and {} .eml files older than {}", messages, files,
					RetentionProperties.describe(retention.email()));
		}
		return messages + files;
	}

	private static int deleteFiles(java.util.List<Path> files, Instant cutoff) {
		int deleted = 0;
		for (Path file : files) {
			try {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
					deleted++;
				}
			}
			catch (IOException ex) {
				log.warn("Could not delete {}: {}", file, ex.getMessage());
			}
		}
		return deleted;
	}
}
