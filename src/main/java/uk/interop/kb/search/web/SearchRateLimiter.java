package uk.interop.kb.search.web;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A token bucket per client address: {@code burst} searches at once, refilled at
 * {@code perMinute}. Memory is bounded by a cache of at most {@link #MAX_CLIENTS} buckets, each
 * forgotten once it has been idle long enough to have refilled: evicting a bucket then changes
 * nothing, and a client rotating addresses cannot reset anyone else's.
 */
final class SearchRateLimiter {

	static final int MAX_CLIENTS = 100_000;

	private final Cache<String, Bucket> buckets;
	private final double perMilli;
	private final int burst;
	private final Clock clock;

	SearchRateLimiter(int perMinute, int burst, Clock clock) {
		this.perMilli = perMinute / 60_000.0;
		this.burst = burst;
		this.clock = clock;
		long refillMillis = (long) Math.ceil(burst / perMilli);
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_CLIENTS)
			.expireAfterAccess(Duration.ofMillis(Math.max(1, refillMillis)))
			.ticker(ticker(clock))
			// Maintenance (eviction) on the caller's thread: no background work to race with.
			.executor(Runnable::run)
			.build();
	}

	/** Zero when the search may go ahead; otherwise the whole seconds to wait before trying again. */
	long secondsToWait(String client) {
		Bucket bucket = buckets.get(client, c -> new Bucket(burst, clock.millis()));
		synchronized (bucket) {
			long now = clock.millis();
			bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perMilli);
			bucket.updated = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000));
		}
	}

	/** The cache's idea of time follows the injected clock, so tests move it instead of sleeping. */
	static Ticker ticker(Clock clock) {
		return () -> clock.millis() * 1_000_000L;
	}

	private static final class Bucket {
		double tokens;
		long updated;

		Bucket(double tokens, long updated) {
			this.tokens = tokens;
			this.updated = updated;
		}
	}
}
