package uk.interop.kb.search;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code burst} searches at once, refilled at
 * {@code perMinute}. Memory is bounded: when too many addresses are tracked the map starts over,
 * which only ever forgives.
 */
final class SearchRateLimiter {

	private static final int MAX_CLIENTS = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
	private final double perMilli;
	private final int burst;
	private final Clock clock;

	SearchRateLimiter(int perMinute, int burst, Clock clock) {
		this.perMilli = perMinute / 60_000.0;
		this.burst = burst;
		this.clock = clock;
	}

	/** Zero when the search may go ahead; otherwise the whole seconds to wait before trying again. */
	long secondsToWait(String client) {
		if (buckets.size() > MAX_CLIENTS) {
			buckets.clear();
		}
		Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, clock.millis()));
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

	private static final class Bucket {
		double tokens;
		long updated;

		Bucket(double tokens, long updated) {
			this.tokens = tokens;
			this.updated = updated;
		}
	}
}
