package uk.interop.kb.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import uk.interop.kb.support.MovableClock;
import uk.interop.kb.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The absolute session lifetime and the per-source sign-in throttle, with a clock the test moves. */
class SessionLimitsTests {


	private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
	private final AccountsProperties properties = new AccountsProperties("", "", 5, Duration.ofMinutes(15), 3,
			Duration.ofDays(7), Duration.ofHours(24), Duration.ofHours(12), 10, Duration.ofMinutes(2));

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aSessionOlderThanItsAbsoluteLifetimeIsEndedEvenIfActive() throws Exception {
		AccountRepository accounts = new AccountRepository(TestDatabase.fresh());
		long id = accounts.insert("someone@example.org", "Someone", "{noop}x", Role.MEMBER, false, clock.instant());
		KbUser user = new KbUser(accounts.findById(id).orElseThrow(), false);
		AccountStatusFilter filter = new AccountStatusFilter(accounts, properties, clock);

		MockHttpSession session = new MockHttpSession();
		assertThat(signedInAfter(filter, session, user)).isTrue();

		clock.advance(Duration.ofHours(13));
		assertThat(signedInAfter(filter, session, user)).isFalse();
		assertThat(session.isInvalid()).isTrue();
	}

	private boolean signedInAfter(AccountStatusFilter filter, MockHttpSession session, KbUser user) throws Exception {
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		// MockHttpSession's creation time is the real time it was made; the filter compares it with the clock.
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
		request.setSession(new MockHttpSession() {
			@Override
			public long getCreationTime() {
				return Instant.parse("2026-03-01T09:00:00Z").toEpochMilli();
			}

			@Override
			public void invalidate() {
				super.invalidate();
				session.invalidate();
			}
		});
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		return SecurityContextHolder.getContext().getAuthentication() != null;
	}

	@Test
	void aSourceThatKeepsFailingIsPausedAndThenForgiven() {
		SourceThrottle throttle = new SourceThrottle(properties, clock);

		throttle.failed("10.0.0.1");
		throttle.failed("10.0.0.1");
		assertThat(throttle.blocked("10.0.0.1")).isFalse();
		throttle.failed("10.0.0.1");

		assertThat(throttle.blocked("10.0.0.1")).isTrue();
		assertThat(throttle.blocked("10.0.0.2")).isFalse();
		clock.advance(Duration.ofMinutes(16));
		assertThat(throttle.blocked("10.0.0.1")).isFalse();
	}

	@Test
	void aClientRotatingAddressesCannotClearAnotherSourcesFailures() {
		SourceThrottle throttle = new SourceThrottle(properties, clock);
		for (int i = 0; i < 3; i++) {
			throttle.failed("10.0.0.1");
		}

		// Failures from ever-new addresses while 10.0.0.1 keeps trying (and is refused before any check).
		for (int i = 0; i < 2 * SourceThrottle.MAX_SOURCES; i++) {
			throttle.failed("rotating-" + i);
			if (i % 1_000 == 0) {
				assertThat(throttle.blocked("10.0.0.1")).as("after %d other sources", i).isTrue();
			}
		}
	}
}
