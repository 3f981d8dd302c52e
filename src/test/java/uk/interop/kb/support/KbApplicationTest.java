package uk.interop.kb.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import uk.interop.kb.account.TestAccountsConfiguration;

/**
 * The whole app on a free port ({@link TestPort}, which is also its {@code kb.base-url}) with the real {@code content/} folder, an index under
 * {@code target/} and a fresh in-memory database, sending email to GreenMail and signing in organisation
 * accounts through a real OpenID provider ({@link TestServers}, started once before the context). Every
 * test class using it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "kb.index-dir=target/test-index/web", "kb.data-dir=target/test-data",
				"kb.backup-dir=target/test-backups",
				// Passage vectors are cached by document hash: every test index shares one cache.
				"kb.search.semantic.cache-dir=target/test-embeddings",
				"spring.datasource.url=jdbc:h2:mem:kb-web;DB_CLOSE_DELAY=-1",
				// Tests search far faster than people; the limiter has its own tests.
				"kb.search.searches-per-minute=1000000", "kb.search.burst=1000000",
				// Every test asks from 127.0.0.1; the per-account reset limit is tested, and holds.
				"kb.accounts.reset-requests-per-source=1000000" })
@Import(TestAccountsConfiguration.class)
@ContextConfiguration(initializers = TestServers.class)
public @interface KbApplicationTest {

}
