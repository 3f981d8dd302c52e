package uk.interop.kb.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The parts of the site that need a signed-in user, in one place. A request the security chain
 * refuses inside one of them asks for sign-in (a page) or answers 401/403 (the API); anywhere else a
 * refusal is "not found", so the deny-by-default rule never shows up as a sign-in prompt.
 * ({@code /problem-book} itself is here for its POST, which creates an entry; reading it is open.)
 */
final class SignedInAreas {

	private static final List<PathPattern> AREAS = Stream.of("/account/**", "/admin/**", "/submissions/**",
			"/moderation/**", "/editor", "/page-feedback", "/content-health", "/search-insights", "/problem-book", "/problem-book/review",
			"/problem-book/new", "/problem-book/*/mapping", "/api/v1/submissions/**", "/api/v1/moderation/**",
			"/api/v1/tokens/**", "/assessments", "/assessments/**", "/api/v1/assessments/**",
			"/api/v1/improvement-actions/**", "/saved-searches/**")
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	private SignedInAreas() {
	}

	static boolean contain(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return AREAS.stream().anyMatch(area -> area.matches(container));
	}
}
