/**
 * The security filter chain (one chain, most specific rules first, ending in deny), the signed-in areas, what a
 * refused request gets, and the per-response CSP nonce.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = { "account", "web" })
package uk.interop.kb.security;

import org.springframework.modulith.ApplicationModule;
