package uk.interop.kb.search.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import uk.interop.kb.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class SearchRateLimitTests {

	@Test
	void aClientGetsItsBurstThenWaitsForTheRefill() {
		MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
		SearchRateLimiter limiter = new SearchRateLimiter(60, 3, clock);

		assertThat(limiter.secondsToWait("a")).isZero();
		assertThat(limiter.secondsToWait("a")).isZero();
		assertThat(limiter.secondsToWait("a")).isZero();
		assertThat(limiter.secondsToWait("a")).isEqualTo(1);
		assertThat(limiter.secondsToWait("b")).as("other clients are unaffected").isZero();

		clock.advance(Duration.ofSeconds(1));
		assertThat(limiter.secondsToWait("a")).isZero();
	}

	@Test
	void aClientRotatingAddressesCannotResetAnotherClientsLimit() {
		MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
		SearchRateLimiter limiter = new SearchRateLimiter(60, 3, clock);
		for (int i = 0; i < 3; i++) {
			limiter.secondsToWait("a");
		}

		// Someone floods from ever-new addresses while "a", over its limit, keeps trying.
		for (int i = 0; i < 2 * SearchRateLimiter.MAX_CLIENTS; i++) {
			limiter.secondsToWait("rotating-" + i);
			if (i % 1_000 == 0) {
				assertThat(limiter.secondsToWait("a")).as("after %d other addresses", i).isPositive();
			}
		}
	}

	@Test
	void anIdleClientIsForgottenOnlyOnceItsBucketWouldBeFullAgain() {
		MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
		SearchRateLimiter limiter = new SearchRateLimiter(60, 3, clock);
		for (int i = 0; i < 3; i++) {
			limiter.secondsToWait("a");
		}

		clock.advance(Duration.ofMillis(1_500));
		assertThat(limiter.secondsToWait("a")).as("one search refilled, not three").isZero();
		assertThat(limiter.secondsToWait("a")).isPositive();
	}

	@Test
	void theApiAnswers429WithRetryAfterAndProblemDetails() throws Exception {
		SearchRateLimitFilter filter = new SearchRateLimitFilter(
				new SearchRateLimiter(1, 1, new MovableClock(Instant.parse("2026-01-01T00:00:00Z"))));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/search");
		request.setServletPath("/api/v1/search");
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

		MockHttpServletResponse limited = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, limited, chain);

		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getHeader("Retry-After")).isEqualTo("60");
		assertThat(limited.getContentAsString()).contains("\"status\":429");
		assertThat(chain.getRequest()).as("the search was not run").isNull();
	}

	@Test
	void pagesAnswer429ThroughTheErrorPage() throws Exception {
		SearchRateLimitFilter filter = new SearchRateLimitFilter(
				new SearchRateLimiter(1, 1, new MovableClock(Instant.parse("2026-01-01T00:00:00Z"))));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/search");
		request.setServletPath("/search");
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

		MockHttpServletResponse limited = new MockHttpServletResponse();
		filter.doFilter(request, limited, new MockFilterChain());

		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getHeader("Retry-After")).isNotBlank();
	}
}
