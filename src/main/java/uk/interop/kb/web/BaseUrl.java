package uk.interop.kb.web;

import java.net.URI;

/**
 * The service's own address from {@code kb.base-url}, for every absolute URL the app writes.
 * {@code of("/search")} is {@code https://kb.example.org/search}. There is no way to get it from a
 * request: the {@code Host} header is the caller's to choose.
 */
public final class BaseUrl {

	private final URI uri;
	private final String text;

	public BaseUrl(URI uri) {
		this.uri = new WebProperties(uri).baseUrl();
		this.text = this.uri.toString();
	}

	/** The address with no trailing slash, such as {@code https://kb.example.org}. */
	public String value() {
		return text;
	}

	public URI uri() {
		return uri;
	}

	/** {@code path} (which starts with {@code /}, and may carry a query) made absolute. */
	public String of(String path) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("Not a path from the root: " + path);
		}
		return text + path;
	}

	public String scheme() {
		return uri.getScheme();
	}

	public String host() {
		return uri.getHost();
	}

	public int port() {
		return uri.getPort() != -1 ? uri.getPort() : scheme().equals("https") ? 443 : 80;
	}
}
