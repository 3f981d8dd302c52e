package uk.interop.kb.editorial;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import uk.interop.kb.account.TestAccountsConfiguration;

/**
 * The whole app on a random port over {@link WorklistContent} instead of the real {@code content/}; the HTTP and
 * browser tests of the worklist share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kb.index-dir=" + WorklistContent.INDEX, "kb.data-dir=target/test-data-worklist",
				"spring.datasource.url=jdbc:h2:mem:kb-worklist;DB_CLOSE_DELAY=-1", "kb.base-url=http://localhost:8080",
				"kb.cluster.enabled=false", "kb.search.semantic.enabled=false" })
@Import(TestAccountsConfiguration.class)
@ContextConfiguration(initializers = WorklistContent.class)
public @interface WorklistApplicationTest {

}
