package uk.interop.kb.account;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Picked up by every {@code @KbApplicationTest}, so the shared context offers {@link TestAccounts}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestAccountsConfiguration {

	@Bean
	TestAccounts testAccounts(AccountService accounts) {
		return new TestAccounts(accounts);
	}
}
