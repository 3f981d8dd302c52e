/**
 * Maturity self-assessment against the handbook's four interoperability levels, and the improvement actions
 * that lead back to the lessons. Frameworks are YAML content ({@code content/assessments/}, read by
 * {@code FrameworkLoader} with line-numbered problems). Members take an assessment for the organisation their
 * account belongs to ({@code account.AccountOrganisations}); a submitted assessment becomes a profile with
 * scores per level and indicator, what to read next (found through the search engine with the reader's
 * {@code Audience}, plus the problem-book entries it bears on), history and a benchmark that shows only counts
 * of five or more organisations. Actions move from identified to lesson learned and can become a contributed
 * case study ({@code submission}). Everything here belongs to one organisation: a member of another one gets
 * 404, as for an unknown id; editors see only aggregates. Lesson pages show, to members, how many
 * organisations acted on a lesson ({@code LessonUptake}), never which.
 */
@ApplicationModule(displayName = "Self-assessment",
		allowedDependencies = { "account", "audit", "content", "problembook", "search", "search :: web", "shared",
				"submission", "taxonomy", "web" })
package uk.interop.kb.assessment;

import org.springframework.modulith.ApplicationModule;
