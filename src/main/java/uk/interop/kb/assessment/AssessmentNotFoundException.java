package uk.interop.kb.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such assessment, action or framework, or one that belongs to another organisation: all answer 404, so
 * nobody can tell another organisation's records exist.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AssessmentNotFoundException extends RuntimeException {
	public AssessmentNotFoundException() {
		super("Not found", null, false, false);
	}
}
