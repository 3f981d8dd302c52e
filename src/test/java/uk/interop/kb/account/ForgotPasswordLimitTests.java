package uk.interop.kb.account;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot your password?" limits each source address (the shared test context lifts this limit, since
 * every test asks from 127.0.0.1): past it the answer is the same, but no link is made.
 */
@KbApplicationTest
class ForgotPasswordLimitTests {

	@Autowired
	AccountService accounts;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	private long resetLinks(String username) {
		return jdbc.sql("""
				select count(*) from account_link l join account a on a.id = l.account_id
				where a.username = :u and l.purpose = 'RESET'""").param("u", username).query(Long.class).single();
	}

	@Test
	void aSourceOverItsHourlyLimitGetsTheSameAnswerAndNoLinkUntilTheHourIsUp() {
		AccountsProperties limited = new AccountsProperties("", "", 5, Duration.ofMinutes(15), 30, Duration.ofDays(7),
				Duration.ofHours(24), Duration.ofHours(12), 2, Duration.ofMinutes(2));
		MovableClock clock = new MovableClock(Clock.systemUTC().instant());
		ForgotPasswordController controller = new ForgotPasswordController(accounts, limited, clock);
		String first = testAccounts.fresh("limited-a", Role.MEMBER);
		String second = testAccounts.fresh("limited-b", Role.MEMBER);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/forgot-password");
		request.setRemoteAddr("192.0.2.7");

		for (String email : new String[] { first, second, first }) {
			assertThat(controller.request(email, request, new ExtendedModelMap(), new RedirectAttributesModelMap()))
				.isEqualTo("redirect:/forgot-password/sent");
		}
		assertThat(resetLinks(first)).as("the third request was over the limit").isEqualTo(1);
		assertThat(resetLinks(second)).isEqualTo(1);

		MockHttpServletRequest elsewhere = new MockHttpServletRequest("POST", "/forgot-password");
		elsewhere.setRemoteAddr("192.0.2.8");
		controller.request(first, elsewhere, new ExtendedModelMap(), new RedirectAttributesModelMap());
		assertThat(resetLinks(first)).as("another address has its own allowance").isEqualTo(2);

		clock.advance(Duration.ofMinutes(61));
		controller.request(second, request, new ExtendedModelMap(), new RedirectAttributesModelMap());
		assertThat(resetLinks(second)).as("an hour later").isEqualTo(2);
	}
}
