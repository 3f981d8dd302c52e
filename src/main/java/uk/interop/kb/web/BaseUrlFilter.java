package uk.interop.kb.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Unknown {@code Host} values are ignored: to everything behind this filter (Spring Security's
 * redirects and saved requests, springdoc, any URL builder) the request arrived at
 * {@code kb.base-url}'s scheme, host and port. So no absolute URL, cached page or redirect can be
 * made to point elsewhere by a forged {@code Host} header, and health checks that reach the app
 * by its internal address still work.
 */
final class BaseUrlFilter implements Filter {

	private final BaseUrl base;

	BaseUrlFilter(BaseUrl base) {
		this.base = base;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http) {
			chain.doFilter(new AtBaseUrl(http, base), response);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static final class AtBaseUrl extends HttpServletRequestWrapper {

		private final BaseUrl base;
		private final String hostHeader;

		AtBaseUrl(HttpServletRequest request, BaseUrl base) {
			super(request);
			this.base = base;
			this.hostHeader = base.uri().getRawAuthority();
		}

		@Override
		public String getScheme() {
			return base.scheme();
		}

		@Override
		public String getServerName() {
			return base.host();
		}

		@Override
		public int getServerPort() {
			return base.port();
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(base.value()).append(getRequestURI());
		}

		@Override
		public String getHeader(String name) {
			return isHost(name) ? hostHeader : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isHost(name) ? Collections.enumeration(java.util.List.of(hostHeader)) : super.getHeaders(name);
		}

		private static boolean isHost(String name) {
			return name != null && name.toLowerCase(Locale.ROOT).equals("host");
		}
	}
}
