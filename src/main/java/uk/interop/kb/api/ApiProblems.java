package uk.interop.kb.api;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import uk.interop.kb.submission.SubmissionService;
import uk.interop.kb.web.BoundedBody;
import uk.interop.kb.web.JsonReadLimits;

/** Every API error as RFC 9457 problem details, one shape for all. */
@RestControllerAdvice(basePackages = "uk.interop.kb.api")
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(SubmissionService.NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound() {
		return problem(HttpStatus.NOT_FOUND, "Not found", "No submission with that id that you may see", Map.of());
	}

	@ExceptionHandler(SubmissionService.NotAllowedException.class)
	ResponseEntity<ProblemDetail> notAllowed(SubmissionService.NotAllowedException ex) {
		return problem(HttpStatus.CONFLICT, "Not allowed now", ex.getMessage(), Map.of());
	}

	@ExceptionHandler(SubmissionService.EditConflictException.class)
	ResponseEntity<ProblemDetail> conflict(SubmissionService.EditConflictException ex) {
		return problem(HttpStatus.CONFLICT, "Edit conflict",
				"The submission changed since the version you sent; fetch it again and reapply your change",
				Map.of("currentVersion", ex.current().version(), "status", ex.current().status().name()));
	}

	@ExceptionHandler(uk.interop.kb.assessment.AssessmentNotFoundException.class)
	ResponseEntity<ProblemDetail> assessmentNotFound() {
		return problem(HttpStatus.NOT_FOUND, "Not found", "Nothing with that id that your organisation may see",
				Map.of());
	}

	@ExceptionHandler(uk.interop.kb.assessment.ActionService.NotAllowedException.class)
	ResponseEntity<ProblemDetail> actionNotAllowed(uk.interop.kb.assessment.ActionService.NotAllowedException ex) {
		return problem(HttpStatus.CONFLICT, "Not allowed now", ex.getMessage(), Map.of());
	}

	@ExceptionHandler(AssessmentApiController.BadStatusException.class)
	ResponseEntity<ProblemDetail> badStatus(AssessmentApiController.BadStatusException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad parameter", "status: '" + ex.value + "' is not a status",
				Map.of("parameter", "status"));
	}

	/** A body cut off at the limit as it was read, or over Jackson's read limits, is too large: 413; anything else 400. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		if (BoundedBody.tooLarge(ex)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", ApiBodyLimitFilter.detail(), Map.of());
		}
		if (JsonReadLimits.exceeded(ex)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", JsonReadLimits.DETAIL, Map.of());
		}
		return problem(HttpStatus.BAD_REQUEST, "Unreadable body", "The request body is not the JSON this needs",
				Map.of());
	}

	/** The search index cannot take changes now (a full disk): nothing was changed; try again later. */
	@ExceptionHandler(uk.interop.kb.search.IndexUnavailableException.class)
	ResponseEntity<ProblemDetail> indexUnavailable() {
		ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Search cannot take changes now",
				"The search index cannot take changes just now. Fetch the submission to see its state, and try again "
						+ "in a few minutes.",
				Map.of());
		return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
			.header("Retry-After", "60").body(problem.getBody());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType() {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json",
				Map.of());
	}

	/** Anything else Spring MVC reports (wrong method, not acceptable…) keeps its status, in the same shape. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> other(Exception ex) {
		if (ex instanceof org.springframework.web.ErrorResponse response) {
			ProblemDetail body = response.getBody();
			return ResponseEntity.status(response.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(body);
		}
		if (ex instanceof org.apache.tomcat.util.http.InvalidParameterException invalid
				&& invalid.getErrorCode() == 413) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", ApiBodyLimitFilter.detail(), Map.of());
		}
		if (ex.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
			// The container could not decode the query string (bad percent-encoding or UTF-8).
			return problem(HttpStatus.BAD_REQUEST, "Bad parameter", "The query string could not be decoded",
					Map.of());
		}
		org.slf4j.LoggerFactory.getLogger(ApiProblems.class).error("API request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
				"The request could not be completed. Try again; if it keeps failing, tell the service team", Map.of());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ProblemDetail> badParameter(Exception ex) {
		String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ((MissingServletRequestParameterException) ex).getParameterName();
		return problem(HttpStatus.BAD_REQUEST, "Bad parameter", name + ": missing or not valid",
				Map.of("parameter", name));
	}
}
