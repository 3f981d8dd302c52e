package uk.interop.kb.account;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security processes the POST. */
@Controller
class SignInController {

	@GetMapping("/sign-in")
	String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String registered,
			@RequestParam(required = false) String reset, Authentication authentication, Model model) {
		if (authentication != null && authentication.getPrincipal() instanceof KbUser) {
			return "redirect:/account";
		}
		model.addAttribute("failed", error != null);
		model.addAttribute("registered", registered != null);
		model.addAttribute("reset", reset != null);
		return "account/sign-in";
	}
}
