package uk.interop.kb.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client: keeps cookies, reads CSRF tokens from forms, does not follow redirects. */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();
	private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER).build();
	private final String base;
	private final Map<String, String> headers = new LinkedHashMap<>();

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Sends this header with every later request, as a proxy in front would. */
	public WebSession withHeader(String name, String value) {
		headers.put(name, value);
		return this;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
	}

	/** A GET with one extra request header, as a script on the page sends it. */
	public HttpResponse<String> get(String path, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").header(header, value)
			.GET().build());
	}

	public HttpResponse<String> getJson(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
	}

	/** Posts a form with the CSRF token taken from the page at {@code formPage}. */
	public HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		String page = get(formPage).body();
		if (!CSRF.matcher(page).find()) {
			// Anonymous pages without a form: the sign-in page always has one.
			page = get("/sign-in").body();
		}
		all.put("_csrf", csrfFrom(page));
		return postRaw(action, all);
	}

	/** Posts JSON with the session cookie and the CSRF token header taken from {@code formPage}. */
	public HttpResponse<String> postJson(String formPage, String action, String json) {
		return sendJson("POST", formPage, action, json);
	}

	public HttpResponse<String> put(String formPage, String action, String json) {
		return sendJson("PUT", formPage, action, json);
	}

	private HttpResponse<String> sendJson(String method, String formPage, String action, String json) {
		String page = get(formPage).body();
		if (!CSRF.matcher(page).find()) {
			page = get("/sign-in").body();
		}
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", csrfFrom(page))
			.method(method, HttpRequest.BodyPublishers.ofString(json)).build());
	}

	/** Posts these fields in this order (a name may repeat, as checkboxes do); the CSRF token is among them. */
	public HttpResponse<String> postFields(String action, java.util.List<Map.Entry<String, String>> fields) {
		String body = fields.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** Posts exactly these fields: no CSRF token unless given. */
	public HttpResponse<String> postRaw(String action, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** Posts one file as multipart form data, with the CSRF token from {@code formPage}. */
	public HttpResponse<String> postFile(String formPage, String action, String field, String fileName, String content) {
		String token = csrfFrom(get(formPage).body());
		String boundary = "----kb" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/markdown\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
	}

	/** Follows a redirect's Location within the app. */
	public HttpResponse<String> follow(HttpResponse<String> redirect) {
		return get(redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
	}

	/** Signs in through the real form; returns the response to the POST (a redirect when it worked). */
	public HttpResponse<String> signIn(String username, String password) {
		return post("/sign-in", "/sign-in", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> signOut() {
		return post("/", "/sign-out", Map.of());
	}

	public String sessionId() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue).findFirst().orElse("");
	}

	public static String csrfFrom(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		if (!headers.isEmpty()) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true);
			headers.forEach(builder::header);
			request = builder.build();
		}
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
