package uk.interop.kb.account;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /account/session}, what the timeout warning's "Stay signed in" asks: like any request it starts the
 * idle time again, and it answers whether the person is still signed in and how long is left. Open to anyone (a
 * visitor is told {@code signedIn: false}) and never creates a session.
 */
@RestController
class SessionController {

	private final AccountsProperties properties;
	private final Clock clock;

	SessionController(AccountsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(path = "/account/session", produces = "application/json")
	ResponseEntity<Map<String, Object>> session(HttpServletRequest request) {
		Optional<SessionTimes> times = SessionTimes.of(request, properties, clock);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("signedIn", times.isPresent());
		times.ifPresent(t -> {
			body.put("idleSeconds", t.idleSeconds());
			body.put("endsInSeconds", t.endsInSeconds());
		});
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}
}
