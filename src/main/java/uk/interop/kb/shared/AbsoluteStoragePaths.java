package uk.interop.kb.shared;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code kb.content-dir}, {@code kb.index-dir}, {@code kb.data-dir} and {@code kb.backup-dir}
 * to absolute paths (against the working directory) before anything reads them, so a relative value
 * such as {@code KB_DATA_DIR=data} means the same to the app, to H2 (whose file URL
 * {@code jdbc:h2:file:${kb.data-dir}/…} refuses a path that is only implicitly relative) and to the
 * commands.
 */
public final class AbsoluteStoragePaths implements EnvironmentPostProcessor, Ordered {

	static final List<String> PROPERTIES = List.of("kb.content-dir", "kb.index-dir", "kb.data-dir", "kb.backup-dir");
	static final String SOURCE = "kbAbsoluteStoragePaths";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> absolute = new LinkedHashMap<>();
		for (String property : PROPERTIES) {
			String value = environment.getProperty(property);
			if (value != null && !value.isBlank()) {
				absolute.put(property, Path.of(value).toAbsolutePath().normalize().toString());
			}
		}
		if (!absolute.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, absolute));
		}
	}

	/** After the configuration files and the command line are read. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
