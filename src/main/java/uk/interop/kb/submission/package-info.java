/**
 * Contributed lessons and case studies: drafts, revisions, review, publication and withdrawal, with the
 * database as their source of truth. Depends on {@code search}, {@code content}, {@code taxonomy}, {@code account},
 * {@code audit} and {@code cluster}.
 */
package uk.interop.kb.submission;
