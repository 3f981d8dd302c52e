package uk.interop.kb.account;

import jakarta.servlet.http.HttpServletRequest;

/** Small helpers the account controllers share. */
final class Forms {

	private Forms() {
	}

	static String source(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

	static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
