package uk.interop.kb.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app on a random port with the real {@code content/} folder, an index and
 * database under {@code target/}. Every test class using it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kb.index-dir=target/test-index/web", "kb.data-dir=target/test-data" })
public @interface KbApplicationTest {
}
