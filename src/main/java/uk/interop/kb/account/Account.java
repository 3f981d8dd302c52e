package uk.interop.kb.account;

import java.time.Instant;
import java.util.Optional;

/** A row of {@code account}. {@code lockedUntil} is empty unless sign-in is locked after failures. */
public record Account(long id, String username, String displayName, String passwordHash, Role role, boolean enabled,
		boolean mustChangePassword, int failedAttempts, Optional<Instant> lockedUntil, int sessionVersion,
		Instant createdAt) {

	public boolean lockedAt(Instant now) {
		return lockedUntil.map(now::isBefore).orElse(false);
	}
}
