package uk.interop.kb.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message from {@code templates/mail/<name>.txt} and {@code <name>.html}: GOV.UK email
 * style, one purpose, the link, and why the person got it. A template engine of its own (text and
 * HTML modes), apart from the pages' engine; HTML is escaped as on pages.
 */
@Component
public class MailTemplates {

	/** Both parts of a message. */
	public record Rendered(String text, String html) {
	}

	private final SpringTemplateEngine engine = new SpringTemplateEngine();
	private final MailLinks links;

	MailTemplates(MailLinks links) {
		this.links = links;
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
		engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(order);
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setResolvablePatterns(java.util.Set.of("mail/*"));
		return resolver;
	}

	/**
	 * {@code name} is a template under {@code mail/}; the model gets {@code siteUrl},
	 * {@code preferencesUrl} and, for optional kinds, {@code unsubscribeUrl}. {@code why} says why
	 * the person got it.
	 */
	public Rendered render(String name, Map<String, Object> model, String why, Optional<String> unsubscribeUrl) {
		Map<String, Object> variables = new HashMap<>(model);
		variables.put("siteUrl", links.base());
		variables.put("preferencesUrl", links.absolute("/account/email"));
		variables.put("unsubscribeUrl", unsubscribeUrl.orElse(null));
		variables.put("why", why);
		Context text = new Context(Locale.UK, variables);
		Context html = new Context(Locale.UK, variables);
		return new Rendered(engine.process("mail/" + name + "-text", text), engine.process("mail/" + name, html));
	}
}
