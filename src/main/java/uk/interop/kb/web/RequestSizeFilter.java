package uk.interop.kb.web;

import java.io.IOException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request body is bounded as it is read, chunked or not: at the form-post limit
 * ({@code server.tomcat.max-http-form-post-size}) here, tighter where a feature says so (the API).
 * A body over its limit, wherever it is found (this bound, Tomcat's form and multipart limits,
 * reading the CSRF token), is answered 413: problem details, or the GOV.UK page for a browser. One
 * line is logged, never a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestSizeFilter.class);

	private final long limit;

	RequestSizeFilter(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(new BoundedBody(request, limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!tooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			refuse(request, response, boundOf(ex));
		}
	}

	static boolean tooLarge(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof BoundedBody.TooLargeException || t instanceof MaxUploadSizeExceededException
					|| (t instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413)
					|| t.getClass().getName().endsWith("fileupload.impl.SizeException")
					|| t.getClass().getName().endsWith("FileSizeLimitExceededException")
					|| t.getClass().getName().endsWith("SizeLimitExceededException")) {
				return true;
			}
		}
		return false;
	}

	/** The bound that was passed, when it was one of ours (Tomcat's own limits do not say theirs). */
	private static java.util.OptionalLong boundOf(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof BoundedBody.TooLargeException body) {
				return java.util.OptionalLong.of(body.limit());
			}
		}
		return java.util.OptionalLong.empty();
	}

	/** 413: the GOV.UK page for a browser, problem details for everything else. */
	static void refuse(HttpServletRequest request, HttpServletResponse response, java.util.OptionalLong limit)
			throws IOException {
		log.info("Refused a request body over its limit{}: {} {}",
				limit.isPresent() ? " of " + readable(limit.getAsLong()) : "", request.getMethod(),
				LogSafe.text(request.getRequestURI()));
		response.resetBuffer();
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/api/")) {
			response.sendError(413);
			return;
		}
		ProblemResponses.write(response, 413, "Request too large", limit.isPresent()
				? "Request bodies here must be " + readable(limit.getAsLong()) + " or smaller"
				: "The request body is larger than this accepts: forms up to 2 MB, uploaded files under 1 MB");
	}

	static String readable(long bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
	}
}
