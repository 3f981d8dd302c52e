package uk.interop.kb.account;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Which organisation domains may sign in through which provider, with what role, and where passwords are refused. */
@Component
public class DomainRules {

	private final SsoProperties properties;

	DomainRules(SsoProperties properties) {
		this.properties = properties;
	}

	/** The first rule of this provider that covers the domain, if the domain is on its allow-list. */
	public Optional<SsoProperties.DomainRule> rule(String provider, String emailDomain) {
		SsoProperties.Provider configured = properties.providers().get(provider);
		if (configured == null || emailDomain.isEmpty()) {
			return Optional.empty();
		}
		return configured.domains().stream().filter(rule -> rule.matches(emailDomain)).findFirst();
	}

	/** Whether any provider requires organisation sign-in for this domain, so passwords are refused there. */
	public boolean ssoRequired(String emailDomain) {
		return !emailDomain.isEmpty() && properties.providers().values().stream()
			.flatMap(provider -> provider.domains().stream())
			.anyMatch(rule -> rule.requireSso() && rule.matches(emailDomain));
	}

	public String contact() {
		return properties.contact();
	}

	SsoProperties properties() {
		return properties;
	}
}
