package uk.interop.kb.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which optional kinds each person wants; a kind nobody turned off is on. */
@Component
class Preferences {

	private final JdbcClient jdbc;
	private final Clock clock;

	Preferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean wants(long accountId, EmailKind kind) {
		return !kind.optional() || jdbc.sql("""
				select enabled from notification_preference where account_id = :account and kind = :kind""")
			.param("account", accountId).param("kind", kind.name()).query(Boolean.class).optional().orElse(true);
	}

	/** Every optional kind on the preferences page, with whether this person gets it. */
	Map<EmailKind, Boolean> all(long accountId) {
		Map<EmailKind, Boolean> wanted = new EnumMap<>(EmailKind.class);
		for (EmailKind kind : EmailKind.preferences()) {
			wanted.put(kind, wants(accountId, kind));
		}
		return wanted;
	}

	@Transactional
	void set(long accountId, EmailKind kind, boolean enabled) {
		if (!kind.optional()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		int updated = jdbc.sql("""
				update notification_preference set enabled = :enabled, updated_at = :now
				where account_id = :account and kind = :kind""")
			.param("enabled", enabled).param("now", now).param("account", accountId).param("kind", kind.name())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into notification_preference (account_id, kind, enabled, updated_at)
					values (:account, :kind, :enabled, :now)""")
				.param("account", accountId).param("kind", kind.name()).param("enabled", enabled).param("now", now)
				.update();
		}
	}
}
