package uk.interop.kb.account;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Picked up by every {@code @KbApplicationTest}: the shared context offers {@link TestAccounts} and the {@code Corpus}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestAccountsConfiguration {

	@Bean
	TestAccounts testAccounts(AccountService accounts) {
		return new TestAccounts(accounts);
	}

	@Bean
	uk.interop.kb.support.Corpus corpus(java.util.List<uk.interop.kb.search.DocumentSource> sources) {
		return new uk.interop.kb.support.Corpus(sources);
	}
}
