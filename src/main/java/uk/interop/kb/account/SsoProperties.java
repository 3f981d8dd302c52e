package uk.interop.kb.account;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code kb.sso.*}: sign-in with an organisation account. Each provider is a Spring Security client
 * registration ({@code spring.security.oauth2.client.registration.<id>.*}); {@code providers.<id>}
 * adds the button label and the email domains it may sign in: {@code domains[n].domain} is an exact
 * domain ({@code nhs.net}) or a pattern for its subdomains ({@code *.police.uk}), {@code role} the role a
 * new account gets, {@code require-sso} refuses password sign-in for accounts in that domain.
 * {@code contact} says whom to ask on the refusal page.
 */
@Validated
@ConfigurationProperties("kb.sso")
public record SsoProperties(@DefaultValue("an administrator of this service") @NotBlank String contact,
		Map<String, @Valid Provider> providers) {

	private static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

	public SsoProperties {
		providers = providers == null ? Map.of() : Map.copyOf(providers);
	}

	public record Provider(@DefaultValue("") String label, List<@Valid DomainRule> domains) {
		public Provider {
			domains = domains == null ? List.of() : List.copyOf(domains);
		}
	}

	public record DomainRule(@NotBlank String domain, @DefaultValue("MEMBER") @NotNull Role role,
			@DefaultValue("false") boolean requireSso) {

		public DomainRule {
			domain = domain == null ? null : domain.strip().toLowerCase(Locale.ROOT);
			if (domain != null && !domain.isEmpty() && !DOMAIN.matcher(domain).matches()) {
				throw new IllegalArgumentException("kb.sso domain '" + domain
						+ "' is not a domain name or a *.domain pattern");
			}
		}

		/** Whether an address in {@code emailDomain} falls under this rule. */
		public boolean matches(String emailDomain) {
			String candidate = emailDomain.toLowerCase(Locale.ROOT);
			return domain.startsWith("*.") ? candidate.endsWith(domain.substring(1)) : candidate.equals(domain);
		}
	}
}
