package uk.interop.kb.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which domains a provider admits, with what role, where passwords are refused, and configuration that cannot start. */
class DomainRulesTests {

	private static final SsoProperties PROPERTIES = new SsoProperties("the secretariat", Map.of("entra",
			new SsoProperties.Provider("police or NHS", List.of(new SsoProperties.DomainRule("*.police.uk", Role.MEMBER, true),
					new SsoProperties.DomainRule("NHS.net", Role.CONTRIBUTOR, false)))));

	private final DomainRules rules = new DomainRules(PROPERTIES);

	@Test
	void aWildcardCoversSubdomainsOnlyAndAnExactDomainItselfOnly() {
		assertThat(rules.rule("entra", "met.police.uk")).get().extracting(SsoProperties.DomainRule::role)
			.isEqualTo(Role.MEMBER);
		assertThat(rules.rule("entra", "a.b.police.uk")).isPresent();
		assertThat(rules.rule("entra", "police.uk")).isEmpty();
		assertThat(rules.rule("entra", "notpolice.uk")).isEmpty();
		assertThat(rules.rule("entra", "met.police.uk.attacker.example")).isEmpty();
		assertThat(rules.rule("entra", "nhs.net")).get().extracting(SsoProperties.DomainRule::role)
			.isEqualTo(Role.CONTRIBUTOR);
		assertThat(rules.rule("entra", "mail.nhs.net")).isEmpty();
		assertThat(rules.rule("google", "met.police.uk")).as("another provider's list").isEmpty();
		assertThat(rules.rule("entra", "")).isEmpty();
	}

	@Test
	void passwordsAreRefusedOnlyWhereADomainRequiresOrganisationSignIn() {
		assertThat(rules.ssoRequired("met.police.uk")).isTrue();
		assertThat(rules.ssoRequired("nhs.net")).isFalse();
		assertThat(rules.ssoRequired("example.org")).isFalse();
		assertThat(rules.ssoRequired("")).isFalse();
	}

	@Test
	void aMistypedDomainStopsTheAppFromStarting() {
		for (String bad : List.of("*.", "police uk", "*police.uk", "http://police.uk", "*.*.uk", "@nhs.net")) {
			assertThatThrownBy(() -> new SsoProperties.DomainRule(bad, Role.MEMBER, false)).as(bad)
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a domain name");
		}
	}

	@Test
	void aProviderWithoutAClientRegistrationStopsTheAppFromStarting() {
		ClientRegistration google = ClientRegistration.withRegistrationId("google").clientId("id")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://accounts.example/authorize").tokenUri("https://accounts.example/token").build();
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("registrations", new InMemoryClientRegistrationRepository(google));
		OrganisationSignIn signIn = new OrganisationSignIn(beans.getBeanProvider(ClientRegistrationRepository.class),
				null, PROPERTIES, null, rules);
		assertThatThrownBy(signIn::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("kb.sso.providers.entra has no client registration");
		assertThat(signIn.providers()).extracting(OrganisationSignIn.Provider::url)
			.containsExactly("/oauth2/authorization/google");
	}
}
