package uk.interop.kb.account;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;
	private final Clock clock;
	private final DomainRules domains;

	AccountUserDetailsService(AccountRepository accounts, Clock clock, DomainRules domains) {
		this.accounts = accounts;
		this.clock = clock;
		this.domains = domains;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.findByUsername(username)
			.map(account -> new KbUser(account, account.lockedAt(clock.instant()),
					!domains.ssoRequired(account.emailDomain())))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}
}
