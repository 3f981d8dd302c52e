/**
 * Cross-cutting web concerns that belong to no feature: error-page plumbing and bad-request pages. Depends on nothing
 * in the application.
 */
package uk.interop.kb.web;
