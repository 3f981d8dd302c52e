package uk.interop.kb.account;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.interop.kb.audit.AuditLog;

/**
 * Sign-in with an organisation account (OpenID Connect), for the security chain to install when
 * providers are configured. Spring Security runs the protocol (state, nonce, the ID token's
 * signature, issuer, audience and expiry); {@link OrganisationAccounts} decides who that is here.
 * Once in, the session holds a {@link KbUser} exactly as after a password sign-in, so the account
 * checks on every request (disabled, role or password changed) apply alike. Any refusal, including a
 * protocol failure such as a tampered state or nonce, ends on {@code /sign-in/refused}.
 */
@Component
public class OrganisationSignIn implements org.springframework.beans.factory.SmartInitializingSingleton {

	private static final String PREFIX = "kb_";

	private final ObjectProvider<ClientRegistrationRepository> registrations;
	private final OrganisationAccounts accounts;
	private final SsoProperties properties;
	private final AuditLog audit;
	private final DomainRules domains;
	private final OidcUserService oidc = new OidcUserService();

	OrganisationSignIn(ObjectProvider<ClientRegistrationRepository> registrations, OrganisationAccounts accounts,
			SsoProperties properties, AuditLog audit, DomainRules domains) {
		this.registrations = registrations;
		this.accounts = accounts;
		this.properties = properties;
		this.audit = audit;
		this.domains = domains;
	}

	/**
	 * A failed password sign-in. Where the typed address's domain requires organisation sign-in, the
	 * page says so (that is the domain's rule, not news about the account); otherwise the usual error.
	 */
	public AuthenticationFailureHandler passwordFailureHandler() {
		return (request, response, ex) -> {
			String username = AccountRepository.normalise(request.getParameter("username"));
			String domain = username.contains("@") ? username.substring(username.indexOf('@') + 1) : "";
			// Tried again from the same page, the person still comes back where they meant to go.
			String back = SignInTarget.of(request.getParameter(SignInTarget.PARAMETER))
				.map(p -> "&" + SignInTarget.PARAMETER + "=" + java.net.URLEncoder.encode(p,
						java.nio.charset.StandardCharsets.UTF_8))
				.orElse("");
			redirect(response, (domains.ssoRequired(domain) ? "/sign-in?error=sso" : "/sign-in?error") + back);
		};
	}

	/** Fails at start-up when {@code kb.sso.providers} names a provider no client registration describes. */
	@Override
	public void afterSingletonsInstantiated() {
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		for (String id : properties.providers().keySet()) {
			if (repository == null || repository.findByRegistrationId(id) == null) {
				throw new IllegalStateException("kb.sso.providers." + id + " has no client registration: set "
						+ "spring.security.oauth2.client.registration." + id + ".client-id (and its provider)");
			}
		}
	}

	/** A provider's button on the sign-in page. */
	public record Provider(String id, String label, String url) {
	}

	/** Whether any provider is configured; without one the chain has no OpenID Connect sign-in at all. */
	public boolean enabled() {
		return registrations.getIfAvailable() != null;
	}

	/** The configured providers, by label. */
	public List<Provider> providers() {
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		if (!(repository instanceof Iterable<?> all)) {
			return List.of();
		}
		java.util.List<Provider> providers = new java.util.ArrayList<>();
		for (Object each : all) {
			ClientRegistration registration = (ClientRegistration) each;
			SsoProperties.Provider configured = properties.providers().get(registration.getRegistrationId());
			String label = configured != null && !configured.label().isBlank() ? configured.label()
					: registration.getClientName();
			providers.add(new Provider(registration.getRegistrationId(), label,
					"/oauth2/authorization/" + registration.getRegistrationId()));
		}
		providers.sort(java.util.Comparator.comparing(Provider::label));
		return providers;
	}

	/** Loads the person from the provider (ID token checked, user info fetched), then applies our rules. */
	public OAuth2UserService<OidcUserRequest, OidcUser> userService() {
		return request -> {
			OidcUser user = oidc.loadUser(request);
			String provider = request.getClientRegistration().getRegistrationId();
			OrganisationAccounts.Identity identity = new OrganisationAccounts.Identity(provider, user.getSubject(),
					Optional.ofNullable(user.getEmail()).orElse(""), Boolean.TRUE.equals(user.getEmailVerified()),
					user.getFullName());
			OrganisationAccounts.Outcome outcome = accounts.signIn(identity, currentSource());
			if (outcome.refusal().isPresent()) {
				String code = PREFIX + outcome.refusal().get().name().toLowerCase(Locale.ROOT);
				throw new OAuth2AuthenticationException(new OAuth2Error(code));
			}
			return new SignedIn(user, outcome.account().orElseThrow().id());
		};
	}

	public AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
		then.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			SignedIn user = (SignedIn) authentication.getPrincipal();
			Account account = accounts.account(user.accountId).orElseThrow();
			KbUser signedIn = new KbUser(account, false);
			signedIn.eraseCredentials();
			Authentication replaced = UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
					signedIn.getAuthorities());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(replaced);
			SecurityContextHolder.setContext(context);
			new HttpSessionSecurityContextRepository().saveContext(context, request, response);
			audit.record(account.username(), "SIGN_IN_SSO", account.username(), "provider " + user.provider(),
					request.getRemoteAddr());
			then.onAuthenticationSuccess(request, response, replaced);
		};
	}

	public AuthenticationFailureHandler failureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			String reason = "failed";
			if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError().getErrorCode().startsWith(PREFIX)) {
				reason = oauth.getError().getErrorCode().substring(PREFIX.length());
			}
			else {
				// State, nonce, signature or the provider's own refusal: the protocol, not our rules.
				String code = ex instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
						: ex.getClass().getSimpleName();
				audit.record("anonymous", "SSO_FAILED", null, code.length() > 200 ? code.substring(0, 200) : code,
						request.getRemoteAddr());
			}
			redirect(response, "/sign-in/refused?reason=" + reason);
		};
	}

	private static void redirect(HttpServletResponse response, String path) throws IOException {
		response.sendRedirect(path);
	}

	private static String currentSource() {
		if (org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return "unknown";
	}

	/** The provider's person with the account they signed in to, until the success handler swaps in a {@link KbUser}. */
	static final class SignedIn extends DefaultOidcUser {
		private final long accountId;
		private final String provider;

		SignedIn(OidcUser user, long accountId) {
			super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
			this.accountId = accountId;
			this.provider = user.getIssuer() == null ? "" : user.getIssuer().toString();
		}

		String provider() {
			return provider;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SignedIn user && user.accountId == accountId && super.equals(other);
		}

		@Override
		public int hashCode() {
			return Long.hashCode(accountId);
		}
	}
}
