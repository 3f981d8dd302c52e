package uk.interop.kb.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import uk.interop.kb.support.MovableClock;
import uk.interop.kb.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What the timeout warning is told: the idle time, what is left of the lifetime since sign-in, and the lead. */
class SessionTimesTests {

	private static final Instant SIGNED_IN = Instant.parse("2026-03-01T09:00:00Z");

	private final MovableClock clock = new MovableClock(SIGNED_IN);

	private static AccountsProperties properties(Duration lifetime, Duration warning) {
		return new AccountsProperties("", "", 5, Duration.ofMinutes(15), 30, Duration.ofDays(7), Duration.ofHours(24),
				lifetime, 10, warning);
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	private MockHttpServletRequest signedInRequest(int idleSeconds) {
		AccountRepository accounts = new AccountRepository(TestDatabase.fresh());
		long id = accounts.insert("someone@example.org", "Someone", "{noop}x", Role.MEMBER, false, SIGNED_IN);
		KbUser user = new KbUser(accounts.findById(id).orElseThrow(), false);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		MockHttpSession session = new MockHttpSession() {
			@Override
			public long getCreationTime() {
				return SIGNED_IN.toEpochMilli();
			}
		};
		session.setMaxInactiveInterval(idleSeconds);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
		request.setSession(session);
		return request;
	}

	@Test
	void anHourAfterSignInTheIdleTimeIsTheContainersAndElevenHoursOfTheLifetimeAreLeft() {
		MockHttpServletRequest request = signedInRequest(1800);
		clock.advance(Duration.ofHours(1));

		SessionTimes times = SessionTimes.of(request, properties(Duration.ofHours(12), Duration.ofMinutes(2)), clock)
			.orElseThrow();

		assertThat(times.idleSeconds()).isEqualTo(1800);
		assertThat(times.endsInSeconds()).isEqualTo(11 * 3600);
		assertThat(times.warningSeconds()).isEqualTo(120);
		assertThat(times.lifetimeText()).isEqualTo("12 hours");
	}

	@Test
	void pastTheLifetimeNothingIsLeftAndAnIdleTimeThatNeverEndsLeavesOnlyTheLifetime() {
		MockHttpServletRequest request = signedInRequest(0);
		clock.advance(Duration.ofHours(13));

		SessionTimes times = SessionTimes.of(request, properties(Duration.ofHours(12), Duration.ofMinutes(2)), clock)
			.orElseThrow();

		assertThat(times.endsInSeconds()).isZero();
		assertThat(times.idleSeconds()).isZero();
	}

	@Test
	void aVisitorWithoutASessionOrSignInHasNoTimes() {
		MockHttpServletRequest visitor = new MockHttpServletRequest("GET", "/");
		visitor.setSession(new MockHttpSession());

		assertThat(SessionTimes.of(visitor, properties(Duration.ofHours(12), Duration.ofMinutes(2)), clock)).isEmpty();
		assertThat(SessionTimes.of(new MockHttpServletRequest("GET", "/"),
				properties(Duration.ofHours(12), Duration.ofMinutes(2)), clock)).isEmpty();
	}

	@Test
	void theLifetimeIsSaidInTheLargestWholeUnit() {
		assertThat(new SessionTimes(0, 0, 20, Duration.ofHours(1)).lifetimeText()).isEqualTo("1 hour");
		assertThat(new SessionTimes(0, 0, 20, Duration.ofMinutes(90)).lifetimeText()).isEqualTo("90 minutes");
		assertThat(new SessionTimes(0, 0, 20, Duration.ofSeconds(25)).lifetimeText()).isEqualTo("25 seconds");
		assertThat(new SessionTimes(0, 0, 20, Duration.ofSeconds(1)).lifetimeText()).isEqualTo("1 second");
	}

	@Test
	void aWarningShorterThanTwentySecondsIsRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofHours(12), Duration.ofSeconds(19)))
			.withMessageContaining("kb.accounts.session-warning must be at least 20 seconds");
	}
}
