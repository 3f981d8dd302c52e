package uk.interop.kb.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A fresh nonce per response for the Content-Security-Policy, so the one inline script
 * GOV.UK Frontend needs can run without {@code 'unsafe-inline'}. Templates read it as {@code cspNonce}.
 */
public final class CspNonceFilter extends OncePerRequestFilter {

	public static final String ATTRIBUTE = "cspNonce";
	private final SecureRandom random = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(ATTRIBUTE, nonce);
		response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce
				+ "'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
				+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
		chain.doFilter(request, response);
	}
}
