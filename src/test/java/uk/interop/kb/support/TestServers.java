package uk.interop.kb.support;

import java.util.Map;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import uk.interop.testidp.TestOpenIdProvider;

/**
 * Starts the servers the app talks to, once per JVM, before the shared context starts, and points
 * the app at them: GreenMail for SMTP ({@link TestMail}) and a real OpenID provider
 * ({@link TestOpenIdProvider}) registered as the organisation sign-in provider {@code test}, whose
 * allow-list admits {@code *.police.example} as members and {@code forum.example} as contributors
 * (where password sign-in is refused). Registered on {@code @KbApplicationTest}, so every class keeps
 * sharing one context.
 */
public class TestServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PROVIDER = "test";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String issuer = TestOpenIdProvider.issuer();
		Map<String, Object> properties = new java.util.LinkedHashMap<>();
		properties.put("server.port", TestPort.PORT);
		properties.put("kb.base-url", TestPort.baseUrl());
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", TestMail.port());
		properties.put("kb.mail.transport", "smtp");
		properties.put("kb.mail.from", "Interop KB <no-reply@interop-kb.test>");
		String registration = "spring.security.oauth2.client.registration." + PROVIDER + ".";
		properties.put(registration + "client-id", TestOpenIdProvider.CLIENT_ID);
		properties.put(registration + "client-secret", TestOpenIdProvider.CLIENT_SECRET);
		properties.put(registration + "scope", "openid,email,profile");
		properties.put(registration + "client-name", "Test provider");
		properties.put("spring.security.oauth2.client.provider." + PROVIDER + ".issuer-uri", issuer);
		String sso = "kb.sso.providers." + PROVIDER + ".";
		properties.put(sso + "label", "your police account");
		properties.put(sso + "domains[0].domain", "*.police.example");
		properties.put(sso + "domains[0].role", "MEMBER");
		properties.put(sso + "domains[1].domain", "forum.example");
		properties.put(sso + "domains[1].role", "CONTRIBUTOR");
		properties.put(sso + "domains[1].require-sso", "true");
		properties.put("kb.sso.contact", "the forum secretariat (secretariat@interop-kb.test)");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kb-test-servers", properties));
		context.addApplicationListener((ApplicationListener<WebServerInitializedEvent>) event -> TestOpenIdProvider
			.allowRedirect("http://localhost:" + event.getWebServer().getPort() + "/login/oauth2/code/" + PROVIDER));
	}
}
