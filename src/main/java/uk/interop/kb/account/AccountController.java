package uk.interop.kb.account;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** "Your account" and changing your own password. */
@Controller
class AccountController {

	private final AccountService accounts;
	private final AccountOrganisations organisations;

	AccountController(AccountService accounts, AccountOrganisations organisations) {
		this.accounts = accounts;
		this.organisations = organisations;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal KbUser user, Model model) {
		model.addAttribute("account", accounts.find(user.id()).orElseThrow());
		model.addAttribute("organisation", organisations.concept(user.id()).orElse(null));
		return "account/overview";
	}

	@GetMapping("/account/password")
	String passwordForm(@AuthenticationPrincipal KbUser user, Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("forced", accounts.find(user.id()).orElseThrow().mustChangePassword());
		return "account/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal KbUser user, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		AccountService.Errors errors = accounts.changePassword(user, currentPassword, Forms.orEmpty(newPassword),
				Forms.orEmpty(confirmPassword), Forms.source(request));
		if (errors.any()) {
			model.addAttribute("errors", errors.byField());
			model.addAttribute("forced", accounts.find(user.id()).orElseThrow().mustChangePassword());
			return "account/password";
		}
		keepSignedIn(accounts.find(user.id()).orElseThrow(), request, response);
		redirect.addFlashAttribute("success", "Your password has been changed");
		return "redirect:/account";
	}

	/** The change moved the session version on (ending other sessions); this one carries on with the new one. */
	private static void keepSignedIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		SignedInSessions.start(account, request, response);
	}
}
