package uk.interop.kb.account;

import java.time.Instant;
import java.util.Optional;

/** A single-use, expiring link: an invitation to register, or a password reset for one account. */
record AccountLink(long id, Purpose purpose, Optional<Long> accountId, Optional<String> email, Optional<Role> role,
		Instant expiresAt, Optional<Instant> usedAt) {

	enum Purpose {
		INVITATION, RESET
	}

	boolean usableAt(Instant now) {
		return usedAt.isEmpty() && now.isBefore(expiresAt);
	}
}
