package uk.interop.kb.problembook;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such entry, or one the reader may not see: both answer 404 so existence is not disclosed. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EntryNotFoundException extends RuntimeException {
	public EntryNotFoundException() {
		super("Not found", null, false, false);
	}
}
