package uk.interop.kb.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A query string the container cannot decode (bad percent-encoding, not UTF-8) is the caller's
 * mistake: the GOV.UK 400 page, without an ERROR log and stack trace for every such request.
 * The API's own advice answers first for API controllers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadRequestAdvice {

	/** Tomcat says which: 413 for a form body over its limit, 400 for one it cannot decode. */
	@ExceptionHandler(InvalidParameterException.class)
	String undecodable(InvalidParameterException ex, jakarta.servlet.http.HttpServletResponse response) {
		if (ex.getErrorCode() == 413) {
			response.setStatus(413);
			return "error/413";
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return "error/400";
	}
}
