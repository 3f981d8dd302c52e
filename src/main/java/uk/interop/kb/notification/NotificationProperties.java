package uk.interop.kb.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code kb.mail.*}. {@code transport}: {@code auto} (Notify when an API key is set, else SMTP when
 * {@code spring.mail.host} is set, else {@code file}), or one of {@code smtp}, {@code notify},
 * {@code file}. {@code base-url} is another public address for links in messages (empty: {@code kb.base-url},
 * the usual case). Sending: a row is tried up to {@code max-attempts}
 * times, waiting {@code retry-initial} then twice as long each time up to {@code retry-max}; a sender
 * holds a row for {@code lease} while it sends it. Editors' "waiting for review" messages gather what
 * was submitted within {@code review-batch-window}.
 */
@Validated
@ConfigurationProperties("kb.mail")
public record NotificationProperties(
		@DefaultValue("auto") @Pattern(regexp = "auto|smtp|notify|file") String transport,
		@DefaultValue("Interop KB <no-reply@interop-kb.example>") @NotBlank String from,
		@DefaultValue("") String replyTo,
		@DefaultValue("") @Pattern(regexp = "|https?://[^\\s/]+(/[^\\s]*)?") String baseUrl,
		@DefaultValue("5") @Min(1) @Max(50) int maxAttempts,
		@DefaultValue("30s") @NotNull Duration retryInitial,
		@DefaultValue("1h") @NotNull Duration retryMax,
		@DefaultValue("2m") @NotNull Duration lease,
		@DefaultValue("5s") @NotNull Duration pollInterval,
		@DefaultValue("5m") @NotNull Duration reviewBatchWindow,
		@DefaultValue @Valid @Name("notify") Notify govukNotify) {

	/**
	 * GOV.UK Notify: {@code api-key} from the service's API integration page, {@code template-id} of an
	 * email template whose subject is {@code ((subject))} and body {@code ((body))}, and optionally
	 * {@code templates.<KIND>} for a kind with a template of its own (same two fields); {@code base-url}
	 * only to point the client elsewhere (tests).
	 */
	public record Notify(@DefaultValue("") String apiKey, @DefaultValue("") String templateId,
			@DefaultValue("https://api.notifications.service.gov.uk") @NotBlank String baseUrl,
			@DefaultValue("") String replyToId, java.util.Map<String, String> templates) {

		public Notify {
			templates = templates == null ? java.util.Map.of() : java.util.Map.copyOf(templates);
			for (String kind : templates.keySet()) {
				if (EmailKind.parse(kind).isEmpty()) {
					throw new IllegalArgumentException("kb.mail.notify.templates." + kind + ": no such kind of email; "
							+ "kinds are " + java.util.Arrays.toString(EmailKind.values()));
				}
			}
		}

		/** The template for this kind: its own, or the one for every kind. */
		String templateFor(EmailKind kind) {
			return templates.getOrDefault(kind.name(), templateId);
		}
	}
}
