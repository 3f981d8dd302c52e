package uk.interop.kb.account;

import java.time.Instant;
import java.util.Optional;

/** A personal access token as its owner sees it (never the secret itself, which is shown once). */
public record ApiToken(long id, String name, Instant createdAt, Optional<Instant> expiresAt,
		Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

	public boolean activeAt(Instant now) {
		return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
	}
}
