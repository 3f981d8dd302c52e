/**
 * Accounts and roles (MEMBER < CONTRIBUTOR < EDITOR < ADMIN): sign-in, lockout and throttling, invitation
 * and reset links, personal access tokens, the organisation (from the taxonomy) each account belongs to,
 * account and admin pages. The security chain ({@code security}) installs its filters.
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = { "audit", "shared", "taxonomy", "web" })
package uk.interop.kb.account;

import org.springframework.modulith.ApplicationModule;
