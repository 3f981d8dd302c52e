package uk.interop.kb.account;

import java.time.Instant;

/**
 * Something happened to an account that its holder must be told of by email. Published inside the
 * transaction that makes the change, so the message is written (by {@code notification}) exactly
 * when the change commits. {@code path} is the site-relative link the message carries; a link
 * token travels only in these events and the message itself, never in this module's tables.
 */
public sealed interface AccountNotice {

	/** The address the message goes to. */
	String email();

	/** An administrator invited someone to register. */
	record Invited(String email, String path, Role role, String invitedBy, Instant expiresAt) implements AccountNotice {
	}

	/** A password reset link: asked for on the sign-in page, or made by an administrator. */
	record ResetLinkCreated(long accountId, String email, String path, Instant expiresAt, boolean byAdministrator)
			implements AccountNotice {
	}

	/** The password was changed or reset: a security notice, so its holder can react if it was not them. */
	record PasswordChanged(long accountId, String email, Instant at) implements AccountNotice {
	}

	/** An administrator disabled the account. */
	record Disabled(long accountId, String email) implements AccountNotice {
	}

	/** An administrator changed the account's role. */
	record RoleChanged(long accountId, String email, Role from, Role to) implements AccountNotice {
	}
}
