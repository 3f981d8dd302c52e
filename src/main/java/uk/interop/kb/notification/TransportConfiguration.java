package uk.interop.kb.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

import uk.interop.kb.shared.StorageProperties;

/**
 * Picks the one transport, failing at start-up when the configuration asks for one it does not
 * describe: SMTP without {@code spring.mail.host}, Notify without a key or template.
 */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

	@Bean
	MailTransport mailTransport(NotificationProperties properties, ObjectProvider<JavaMailSender> smtp,
			StorageProperties storage, Environment environment) {
		String chosen = properties.transport();
		boolean notifyConfigured = !properties.govukNotify().apiKey().isBlank();
		String host = environment.getProperty("spring.mail.host", "");
		if (chosen.equals("auto")) {
			chosen = notifyConfigured ? "notify" : !host.isBlank() ? "smtp" : "file";
		}
		return switch (chosen) {
			case "notify" -> {
				if (!notifyConfigured || properties.govukNotify().templateId().isBlank()) {
					throw new IllegalStateException(
							"kb.mail.transport=notify needs kb.mail.notify.api-key and kb.mail.notify.template-id");
				}
				yield new NotifyTransport(properties.govukNotify());
			}
			case "smtp" -> {
				JavaMailSender sender = smtp.getIfAvailable();
				if (sender == null || host.isBlank()) {
					throw new IllegalStateException("kb.mail.transport=smtp needs spring.mail.host (and spring.mail.port, "
							+ "spring.mail.username, spring.mail.password as your server requires)");
				}
				yield new SmtpTransport(sender, properties,
						"SMTP (" + host + ":" + environment.getProperty("spring.mail.port", "25") + ")");
			}
			default -> new FileTransport(storage.dataDir().resolve("outbox"), properties);
		};
	}
}
