package uk.interop.kb.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed sign-ins per source address. A source over the limit within the lockout window is
 * refused before its password is even checked. Held in memory, in a cache of at most
 * {@link #MAX_SOURCES} addresses, each forgotten once its last failure is older than the window
 * (when it no longer counts anyway), so a client rotating addresses cannot clear anyone else's
 * record. A restart forgives, which is fine for slowing guessing; account lockout (in the database)
 * is the durable control.
 */
@Component
class SourceThrottle {

	static final int MAX_SOURCES = 50_000;

	private final Cache<String, Deque<Instant>> failures;
	private final AccountsProperties properties;
	private final Clock clock;

	SourceThrottle(AccountsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.failures = Caffeine.newBuilder()
			.maximumSize(MAX_SOURCES)
			.expireAfterWrite(properties.lockoutDuration())
			.ticker(() -> clock.millis() * 1_000_000L)
			// Maintenance (eviction) on the caller's thread: no background work to race with.
			.executor(Runnable::run)
			.build();
	}

	void failed(String source) {
		Deque<Instant> times = failures.get(source, s -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(clock.instant());
			prune(times);
		}
		// A write: the entry lives a whole window from its latest failure.
		failures.put(source, times);
	}

	boolean blocked(String source) {
		Deque<Instant> times = failures.getIfPresent(source);
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
