/**
 * Feedback from readers, holding no personal data: GOV.UK's "Is this page useful?" at the foot of every content
 * page (yes or no, then an optional "What were you trying to do?"), the feedback page the phase banner links to,
 * and the editors' page of results per page and overall ({@code /page-feedback}). Forms post with the usual CSRF
 * token and work without JavaScript; rows are kept {@code kb.retention.feedback}. Page titles come from the
 * engine's {@code DocumentListing}.
 */
@ApplicationModule(displayName = "Feedback", allowedDependencies = { "content", "search", "shared", "web" })
package uk.interop.kb.feedback;

import org.springframework.modulith.ApplicationModule;
