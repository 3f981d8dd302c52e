package uk.interop.kb.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per source address. A source over the limit within the lockout window is
 * refused before its password is even checked. Held in memory: a restart forgives, which is fine
 * for slowing guessing; account lockout (in the database) is the durable control.
 */
@Component
class SourceThrottle {

	private static final int MAX_SOURCES = 50_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
	private final AccountsProperties properties;
	private final Clock clock;

	SourceThrottle(AccountsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	void failed(String source) {
		if (failures.size() > MAX_SOURCES) {
			failures.clear();
		}
		Deque<Instant> times = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(clock.instant());
			prune(times);
		}
	}

	boolean blocked(String source) {
		Deque<Instant> times = failures.get(source);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			prune(times);
			return times.size() >= properties.sourceFailureLimit();
		}
	}

	private void prune(Deque<Instant> times) {
		Instant horizon = clock.instant().minus(properties.lockoutDuration());
		while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
			times.removeFirst();
		}
		while (times.size() > properties.sourceFailureLimit()) {
			times.removeFirst();
		}
	}
}
