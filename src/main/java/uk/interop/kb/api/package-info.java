/**
 * The JSON API under {@code /api/v1}: search, documents, suggestions, taxonomy, the contribution workflow, the
 * problem book, and self-assessment (frameworks, an organisation's assessments and improvement actions); every
 * error as RFC 9457 problem details, and the OpenAPI description with its {@code /api} page. Depends on the
 * features it exposes; nothing depends on it.
 */
@ApplicationModule(displayName = "JSON API",
		allowedDependencies = { "account", "assessment", "content", "problembook", "search", "search :: web", "submission", "taxonomy", "web" })
package uk.interop.kb.api;

import org.springframework.modulith.ApplicationModule;
