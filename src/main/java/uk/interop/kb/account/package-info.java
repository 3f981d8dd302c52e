/**
 * Accounts and roles (MEMBER < CONTRIBUTOR < EDITOR < ADMIN): sign-in, lockout and throttling, invitation
 * and reset links, personal access tokens, account and admin pages. Depends on {@code audit}; the security
 * chain in {@code system} installs its filters.
 */
package uk.interop.kb.account;
