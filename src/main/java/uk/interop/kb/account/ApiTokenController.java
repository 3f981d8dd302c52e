package uk.interop.kb.account;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** "API tokens": create (shown once), see when each was last used, revoke. */
@Controller
class ApiTokenController {

	private final ApiTokenService tokens;
	private final java.time.Clock clock;

	ApiTokenController(ApiTokenService tokens, java.time.Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/account/tokens")
	String list(@AuthenticationPrincipal KbUser user, Model model) {
		model.addAttribute("tokens", tokens.list(user));
		model.addAttribute("now", clock.instant());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "account/tokens";
	}

	@PostMapping("/account/tokens")
	String create(@AuthenticationPrincipal KbUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String expiryDays, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		ApiTokenService.Created created = tokens.create(user, name, expiryDays, request.getRemoteAddr());
		if (!created.errors().isEmpty()) {
			model.addAttribute("errors", created.errors());
			model.addAttribute("name", name);
			return list(user, model);
		}
		redirect.addFlashAttribute("secret", created.secret());
		return "redirect:/account/tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal KbUser user, @PathVariable long id, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (tokens.revoke(user, id, request.getRemoteAddr())) {
			redirect.addFlashAttribute("success", "Token revoked: programs using it can no longer sign in with it");
		}
		return "redirect:/account/tokens";
	}
}
