package uk.interop.kb.notification;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute links for messages, which are read far from any request: {@code kb.mail.base-url}, or
 * this server's own {@code http://localhost:<port>} when that is empty (so the demo's links work).
 */
@Component
public class MailLinks {

	private final NotificationProperties properties;
	private final Environment environment;

	MailLinks(NotificationProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/** {@code path} (site-relative, starting with {@code /}) as an absolute URL. */
	public String absolute(String path) {
		return base() + path;
	}

	public String base() {
		String configured = properties.baseUrl();
		if (!configured.isEmpty()) {
			return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
		}
		// The port is known only once the server listens; messages are rendered long after that.
		return "http://localhost:" + environment.getProperty("local.server.port",
				environment.getProperty("server.port", "8080"));
	}
}
