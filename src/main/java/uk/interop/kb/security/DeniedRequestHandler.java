package uk.interop.kb.security;

import java.io.IOException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.interop.kb.web.ProblemResponses;

/**
 * What a refused request gets. Pages behind sign-in send anonymous visitors to sign in; the API
 * answers 401/403 as problem details; anything else the chain closes (an unknown route) is simply
 * not found, for everyone, so the deny-by-default rule never shows up as a sign-in prompt.
 */
final class DeniedRequestHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/sign-in");

	DeniedRequestHandler() {
		// "Location: /sign-in", never an address built from the request's Host header.
		signIn.setFavorRelativeUris(true);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, ServletException {
		String path = request.getServletPath();
		if (path.startsWith("/api/")) {
			if (inSignedInArea(path)) {
				problem(response, 401, "Sign-in required", "This needs an authenticated caller");
			}
			else {
				problem(response, 404, "Not found", "No such resource");
			}
		}
		else if (inSignedInArea(path)) {
			signIn.commence(request, response, ex);
		}
		else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		String path = request.getServletPath();
		if (path.startsWith("/api/")) {
			boolean csrf = ex instanceof org.springframework.security.web.csrf.CsrfException;
			if (csrf || inSignedInArea(path)) {
				problem(response, 403, "Forbidden", csrf ? "This request needs a CSRF token or an API token"
						: "Your role does not allow this");
			}
			else {
				problem(response, 404, "Not found", "No such resource");
			}
		}
		else if (inSignedInArea(path) || ex instanceof org.springframework.security.web.csrf.CsrfException) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		}
		else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	private static boolean inSignedInArea(String path) {
		return SignedInAreas.contain(path);
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		ProblemResponses.write(response, status, title, detail);
	}
}
