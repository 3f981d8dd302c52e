package uk.interop.kb.browse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such page, or one the caller may not read: both answer 404 so existence is not disclosed. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFoundException extends RuntimeException {
	NotFoundException() {
		super("Not found", null, false, false);
	}
}
