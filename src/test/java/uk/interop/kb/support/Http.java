package uk.interop.kb.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP against the running app, with no redirects followed so tests see what was answered. */
public final class Http {

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;

	public Http(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A GET as a program sends it: JSON preferred. */
	public HttpResponse<String> get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Accept", "application/json, */*")
			.GET().build());
	}

	/** A GET as a browser sends it: HTML preferred. */
	public HttpResponse<String> page(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String url(String pathAndQuery) {
		return base + pathAndQuery;
	}

	public static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}
}
