package uk.interop.kb.web;

import java.util.List;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson's read limits for every JSON body the app reads (the API's): a document of at most
 * 256 KB, nested at most 32 deep, at most 20,000 tokens (which bounds arrays and objects: 5 million
 * unknown properties are refused long before they are built), names of at most 256 characters and
 * numbers of at most 32 digits. Spring Boot builds the app's {@link JsonMapper} from this builder,
 * with its own customizers applied; Jackson sets these limits on the factory, which a customizer
 * cannot reach.
 */
@Configuration(proxyBeanMethods = false)
public class JsonReadLimits {

	public static final long MAX_DOCUMENT = 256 * 1024;
	public static final String DETAIL = "The JSON body is over the limits: at most 256 KB, nested at most 32 deep, "
			+ "20,000 values and names";

	static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
		.maxDocumentLength(MAX_DOCUMENT)
		.maxNestingDepth(32)
		.maxTokenCount(20_000)
		.maxNameLength(256)
		.maxNumberLength(32)
		.maxStringLength((int) MAX_DOCUMENT)
		.build();

	@Bean
	@Scope("prototype")
	JsonMapper.Builder limitedJsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
		JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build());
		customizers.forEach(customizer -> customizer.customize(builder));
		return builder;
	}

	/** Whether reading failed because the JSON went over one of these limits. */
	public static boolean exceeded(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof StreamConstraintsException) {
				return true;
			}
		}
		return false;
	}
}
