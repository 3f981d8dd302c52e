package uk.interop.kb.notification;

import org.springframework.stereotype.Component;

import uk.interop.kb.web.BaseUrl;

/**
 * Absolute links for messages, which are read far from any request: the service's own address,
 * {@code kb.base-url}, unless {@code kb.mail.base-url} names another one for email alone.
 */
@Component
public class MailLinks {

	private final NotificationProperties properties;
	private final BaseUrl baseUrl;

	MailLinks(NotificationProperties properties, BaseUrl baseUrl) {
		this.properties = properties;
		this.baseUrl = baseUrl;
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
		return baseUrl.value();
	}
}
