package uk.interop.kb.account;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (Spring Security processes the POST) and the page an organisation sign-in ends on when refused. */
@Controller
class SignInController {

	private final OrganisationSignIn organisations;
	private final DomainRules domains;
	private final boolean demo;

	SignInController(OrganisationSignIn organisations, DomainRules domains,
			org.springframework.core.env.Environment environment) {
		this.organisations = organisations;
		this.domains = domains;
		this.demo = environment.acceptsProfiles(org.springframework.core.env.Profiles.of("demo"));
	}

	@GetMapping("/sign-in")
	String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String registered,
			@RequestParam(required = false) String reset,
			@RequestParam(name = SignInTarget.PARAMETER, required = false) String continueTo,
			Authentication authentication, Model model) {
		java.util.Optional<String> target = SignInTarget.of(continueTo);
		if (authentication != null && authentication.getPrincipal() instanceof KbUser) {
			return "redirect:" + target.orElse("/account");
		}
		model.addAttribute("continueTo", target.orElse(null));
		model.addAttribute("failed", error != null);
		model.addAttribute("ssoRequired", "sso".equals(error));
		model.addAttribute("registered", registered != null);
		model.addAttribute("reset", reset != null);
		model.addAttribute("providers", organisations.providers());
		model.addAttribute("demoAccounts", demo ? java.util.List.of("member@example.org", "contributor@example.org",
				"editor@example.org", "admin@example.org") : java.util.List.of());
		return "account/sign-in";
	}

	/** Why an organisation sign-in did not let the person in, and whom to ask. */
	@GetMapping("/sign-in/refused")
	String refused(@RequestParam(required = false) String reason, Model model) {
		String known = reason == null ? "failed" : switch (reason) {
			case "unverified", "domain", "disabled", "conflict" -> reason;
			default -> "failed";
		};
		model.addAttribute("reason", known);
		model.addAttribute("contact", domains.contact());
		return "account/sign-in-refused";
	}
}
