package uk.interop.kb.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A program calling the API with a bearer token (or none): no cookies, no CSRF token. */
public final class ApiClient {

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private final String base;
	private final String token;

	public ApiClient(int port, String token) {
		this.base = "http://localhost:" + port;
		this.token = token;
	}

	public HttpResponse<String> get(String path) {
		return send("GET", path, null);
	}

	public HttpResponse<String> post(String path, String json) {
		return send("POST", path, json);
	}

	public HttpResponse<String> put(String path, String json) {
		return send("PUT", path, json);
	}

	public HttpResponse<String> send(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept",
				"application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(json));
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
