package uk.interop.kb.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A query string the container cannot decode (bad percent-encoding, not UTF-8) is the caller's
 * mistake: the GOV.UK 400 page, without an ERROR log and stack trace for every such request.
 * The API's own advice answers first for API controllers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadRequestAdvice {

	@ExceptionHandler(InvalidParameterException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String undecodable() {
		return "error/400";
	}
}
