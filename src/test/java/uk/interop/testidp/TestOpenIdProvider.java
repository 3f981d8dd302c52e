package uk.interop.testidp;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A real OpenID provider for the tests (in a package of its own, outside {@code uk.interop.kb}, so the app's
 * component scan never picks it up): Spring Authorization Server in its own small Spring Boot
 * application on a free loopback port (127.0.0.1, so its cookies never mix with the app's on
 * localhost), with a login form, discovery, JWKS, token and user-info endpoints. People are added by
 * tests ({@link #person}); each signs in with {@link #PASSWORD}, and the ID token carries their email
 * and whether it is verified. A person marked {@code tamperNonce} gets an ID token whose nonce is not
 * the one the app sent, as a provider (or an attacker replaying a token) might.
 */
public final class TestOpenIdProvider {

	public static final String CLIENT_ID = "kb-test";
	public static final String CLIENT_SECRET = "kb-test-secret";
	public static final String PASSWORD = "idp password 1234";

	/** Someone the provider knows. */
	public record Person(String username, String email, boolean emailVerified, String name, boolean tamperNonce) {
	}

	private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
	private static final Set<String> REDIRECTS = ConcurrentHashMap.newKeySet();
	private static ConfigurableApplicationContext context;

	private TestOpenIdProvider() {
	}

	public static synchronized String issuer() {
		if (context == null) {
			context = new SpringApplicationBuilder(Provider.class).web(WebApplicationType.SERVLET)
				.properties("spring.config.name=kb-test-idp", "server.port=0", "server.address=127.0.0.1",
						"spring.main.banner-mode=off", "server.servlet.session.cookie.name=IDPSESSION",
						"logging.level.org.springframework.security=WARN")
				.run();
		}
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return "http://127.0.0.1:" + port;
	}

	public static void person(Person person) {
		PEOPLE.put(person.username(), person);
	}

	/** Lets the app on this redirect URI be the client (the app's port is known only once it started). */
	public static void allowRedirect(String uri) {
		REDIRECTS.add(uri);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableWebSecurity
	@ImportAutoConfiguration({
			org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
			org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class })
	static class Provider {

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
				.oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain login(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService people() {
			return username -> {
				Person person = PEOPLE.get(username);
				if (person == null) {
					throw new UsernameNotFoundException(username);
				}
				return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
			};
		}

		@Bean
		RegisteredClientRepository clients() {
			return new RegisteredClientRepository() {
				@Override
				public void save(RegisteredClient client) {
					// Spring Authorization Server saves a client to re-encode its secret: the built one stays.
				}

				@Override
				public RegisteredClient findById(String id) {
					return CLIENT_ID.equals(id) ? client() : null;
				}

				@Override
				public RegisteredClient findByClientId(String clientId) {
					return CLIENT_ID.equals(clientId) ? client() : null;
				}

				private RegisteredClient client() {
					RegisteredClient.Builder builder = RegisteredClient.withId(CLIENT_ID)
						.clientId(CLIENT_ID)
						.clientSecret("{noop}" + CLIENT_SECRET)
						.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
						.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
						.scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
						.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build());
					// A client needs one redirect URI even before the app has said where it listens.
					builder.redirectUri("http://localhost/unused");
					REDIRECTS.forEach(builder::redirectUri);
					return builder.build();
				}
			};
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> claims() {
			return context -> {
				if (!"id_token".equals(context.getTokenType().getValue())) {
					return;
				}
				Person person = PEOPLE.get(context.getPrincipal().getName());
				if (person == null) {
					return;
				}
				context.getClaims().claim("email", person.email()).claim("email_verified", person.emailVerified())
					.claim("name", person.name());
				if (person.tamperNonce()) {
					context.getClaims().claim("nonce", "not-the-nonce-the-client-sent");
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString()).build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
			return org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration
				.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}
	}
}
