/**
 * Accounts and roles (MEMBER < CONTRIBUTOR < EDITOR < ADMIN): sign-in, lockout and throttling, invitation
 * and reset links, personal access tokens, account and admin pages. The security chain ({@code security})
 * installs its filters.
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = { "audit", "shared", "web" })
package uk.interop.kb.account;

import org.springframework.modulith.ApplicationModule;
