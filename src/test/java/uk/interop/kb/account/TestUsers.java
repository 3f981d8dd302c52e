package uk.interop.kb.account;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts written straight into a given database, as signed-in users: for data-layer tests outside the app. */
public final class TestUsers {

	private final AccountRepository accounts;

	public TestUsers(JdbcClient jdbc) {
		this.accounts = new AccountRepository(jdbc);
	}

	public KbUser create(String username, Role role) {
		long id = accounts.insert(username, "Test " + role.label(), "{noop}unused", role, false, Instant.now());
		return new KbUser(accounts.findById(id).orElseThrow(), false);
	}
}
