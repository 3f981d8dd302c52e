/**
 * Wiring that belongs to no feature: the security filter chain, CSP nonces, static assets, the clock, request
 * ids, backups and the command-line commands. Depends on the features; none depends on it.
 */
package uk.interop.kb.system;
