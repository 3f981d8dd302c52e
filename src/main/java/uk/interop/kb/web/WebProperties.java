package uk.interop.kb.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kb.base-url}: the address people use to reach the service, such as
 * {@code https://kb.example.org}. Every absolute URL the app writes (feeds, the sitemap, the
 * OpenSearch description, canonical links, JSON-LD, one-time links, the OpenAPI server) is built
 * from it, never from the request's {@code Host} header, which anyone can set. The web app does not
 * start without it ({@link BaseUrl}); the commands, which serve nothing, do not need it. Checked
 * here when given: absolute {@code http} or {@code https}, a host, no query, fragment or user info.
 */
@ConfigurationProperties("kb")
public record WebProperties(URI baseUrl) {

	public WebProperties {
		if (baseUrl != null) {
			baseUrl = checked(baseUrl);
		}
	}

	public Optional<URI> base() {
		return Optional.ofNullable(baseUrl);
	}

	private static URI checked(URI url) {
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
			throw new IllegalArgumentException("kb.base-url must be an absolute http or https address such as "
					+ "https://kb.example.org, not '" + url + "'");
		}
		if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
			throw new IllegalArgumentException("kb.base-url must have no query, fragment or user name: '" + url + "'");
		}
		String path = url.getRawPath() == null ? "" : url.getRawPath();
		if (!path.isEmpty() && !path.equals("/")) {
			throw new IllegalArgumentException("kb.base-url must be the site's root (the app is served at /), not '"
					+ url + "'");
		}
		int port = url.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
		return URI.create(scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
	}
}
