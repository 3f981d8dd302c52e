package uk.interop.kb.security;

import java.net.URI;

import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Redirects carry a path, never a scheme and host: Spring Security remembers the page someone was
 * sent to sign in from as a full URL, built from the request, and would otherwise send them to it.
 * A path keeps them on the address they used ({@code server.tomcat.use-relative-redirects} does the
 * same for every other redirect).
 */
final class RelativeRedirects implements RedirectStrategy {

	private RelativeRedirects() {
	}

	/**
	 * After signing in: to the {@code continue} path the sign-in form carried (checked by {@code SignInTarget}),
	 * else back to the page that asked for it, or the home page.
	 */
	static AuthenticationSuccessHandler afterSignIn() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setDefaultTargetUrl("/");
		RelativeRedirects redirects = new RelativeRedirects();
		handler.setRedirectStrategy(redirects);
		org.springframework.security.web.savedrequest.HttpSessionRequestCache cache =
				new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
		return (request, response, authentication) -> {
			java.util.Optional<String> target = uk.interop.kb.account.SignInTarget
				.of(request.getParameter(uk.interop.kb.account.SignInTarget.PARAMETER));
			if (target.isPresent()) {
				cache.removeRequest(request, response);
				redirects.sendRedirect(request, response, target.get());
				return;
			}
			handler.onAuthenticationSuccess(request, response, authentication);
		};
	}

	@Override
	public void sendRedirect(jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, String url) throws java.io.IOException {
		response.sendRedirect(response.encodeRedirectURL(pathOf(url)));
	}

	/** The path and query of {@code url}; a path stays as it is. Only ever a path from the root. */
	static String pathOf(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		if (!path.startsWith("/") || path.startsWith("//")) {
			return "/";
		}
		return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}
}
