package uk.interop.kb.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Tomcat answers itself, for requests it refuses before the app sees them (a malformed path or
 * request line, a bad header): the same security headers as every page, a plain page without inline
 * styles, and one log line per refused request at INFO with the reason, never a stack trace. Replaces
 * the host's {@link ErrorReportValve} ({@code ContainerErrors}).
 */
public final class ContainerErrorValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ContainerErrorValve.class);

	/** Spring Security sends these with every page; a response Tomcat writes itself gets them here. */
	static final Map<String, String> HEADERS = Map.of(
			"Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
					+ "form-action 'self'; frame-ancestors 'none'",
			"X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY",
			"Referrer-Policy", "strict-origin-when-cross-origin",
			"Permissions-Policy", "camera=(), microphone=(), geolocation=()",
			"Cache-Control", "no-store");

	public ContainerErrorValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
			return;
		}
		HEADERS.forEach((name, value) -> {
			if (!response.containsHeader(name)) {
				response.setHeader(name, value);
			}
		});
		if (request.isSecure() && !response.containsHeader("Strict-Transport-Security")) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
		log.info("Refused by the server: {} {} {} ({})", status, LogSafe.text(request.getMethod()),
				LogSafe.text(target(request)), LogSafe.text(reason(response, throwable)));
		try {
			response.setContentType("text/html");
			response.setCharacterEncoding("utf-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(page(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone, or the response already has a body: nothing more to send.
		}
	}

	private static String target(Request request) {
		try {
			String uri = request.getCoyoteRequest().requestURI().toString();
			String query = request.getCoyoteRequest().queryString().toString();
			return (uri == null ? "" : uri) + (query == null || query.isEmpty() ? "" : "?" + query);
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private static String reason(Response response, Throwable throwable) {
		if (throwable != null && throwable.getMessage() != null) {
			return throwable.getMessage().lines().findFirst().orElse("");
		}
		String message = response.getMessage();
		return message == null || message.isEmpty() ? "no reason given" : message;
	}

	private static String page(int status) {
		String title = status == 400 ? "There is a problem with the request"
				: status == 404 ? "Page not found" : "Sorry, the request could not be handled";
		String text = status == 400 ? "The address or request could not be understood. Check it and try again."
				: "Check the address and try again.";
		return """
				<!DOCTYPE html>
				<html lang="en" class="govuk-template">
				<head><meta charset="utf-8"><title>%1$s – Interop KB</title>
				<link rel="stylesheet" href="/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css"></head>
				<body class="govuk-template__body"><div class="govuk-width-container">
				<main class="govuk-main-wrapper" id="main-content">
				<h1 class="govuk-heading-xl">%1$s</h1>
				<p class="govuk-body">%2$s</p>
				<p class="govuk-body"><a class="govuk-link" href="/">Go to the Interop KB home page</a></p>
				</main></div></body></html>
				""".formatted(title, text);
	}
}
