package uk.interop.kb.account;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Picked up by every {@code @KbApplicationTest}: the shared context offers {@link TestAccounts}, the
 * {@code Corpus}, and a data source that can be made to fail ({@code FailingDatabase}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAccountsConfiguration {

	@Bean
	TestAccounts testAccounts(AccountService accounts, AccountOrganisations organisations) {
		return new TestAccounts(accounts, organisations);
	}

	/** Wraps the app's data source so a test can make the database fail ({@code FailingDatabase}). */
	@Bean
	static org.springframework.beans.factory.config.BeanPostProcessor failingDatabase() {
		return new org.springframework.beans.factory.config.BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof javax.sql.DataSource dataSource && name.equals("dataSource")
						? new uk.interop.kb.support.FailingDatabase(dataSource) : bean;
			}
		};
	}

	@Bean
	uk.interop.kb.support.Corpus corpus(java.util.List<uk.interop.kb.search.DocumentSource> sources) {
		return new uk.interop.kb.support.Corpus(sources);
	}
}
