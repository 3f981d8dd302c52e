/**
 * Cross-cutting web concerns that belong to no feature: error-page plumbing. Depends on nothing
 * in the application.
 */
package uk.interop.kb.web;
