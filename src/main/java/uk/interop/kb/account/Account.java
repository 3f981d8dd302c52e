package uk.interop.kb.account;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** A row of {@code account}. {@code lockedUntil} is empty unless sign-in is locked after failures. */
public record Account(long id, String username, String displayName, String passwordHash, Role role, boolean enabled,
		boolean mustChangePassword, int failedAttempts, Optional<Instant> lockedUntil, int sessionVersion,
		Instant createdAt) {

	static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,63}");

	/** Where to email this person: the username, when it is an email address (the first administrator's is not). */
	public Optional<String> email() {
		return EMAIL.matcher(username).matches() ? Optional.of(username) : Optional.empty();
	}

	/** The part after the {@code @}, lower-case; empty when the username is not an email address. */
	public String emailDomain() {
		return email().map(e -> e.substring(e.indexOf('@') + 1)).orElse("");
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil.map(now::isBefore).orElse(false);
	}
}
