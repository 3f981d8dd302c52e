package uk.interop.kb.account;

import java.time.Clock;

import org.springframework.stereotype.Component;

/** Builds the account filters the security chain installs; keeps their collaborators package-private. */
@Component
public class AccountFilters {

	private final AccountRepository accounts;
	private final SourceThrottle throttle;
	private final AccountsProperties properties;
	private final ApiTokenService tokens;
	private final Clock clock;

	AccountFilters(AccountRepository accounts, SourceThrottle throttle, AccountsProperties properties,
			ApiTokenService tokens, Clock clock) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.properties = properties;
		this.tokens = tokens;
		this.clock = clock;
	}

	public BearerTokenFilter bearer() {
		return new BearerTokenFilter(tokens);
	}

	public AccountStatusFilter status() {
		return new AccountStatusFilter(accounts, properties, clock);
	}

	public SignInThrottleFilter throttle() {
		return new SignInThrottleFilter(throttle);
	}
}
