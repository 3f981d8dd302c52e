package uk.interop.kb.account;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import jakarta.servlet.http.HttpServletRequest;

/** Registration by invitation and password reset, both through single-use, expiring links. */
@Controller
class LinkController {

	private final AccountService accounts;

	LinkController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/register/{token}")
	String registerForm(@PathVariable String token, Model model) {
		AccountLink link = accounts.usableLink(token, AccountLink.Purpose.INVITATION)
			.orElseThrow(AccountService.LinkNotUsableException::new);
		model.addAttribute("token", token);
		model.addAttribute("email", link.email().orElseThrow());
		model.addAttribute("role", link.role().orElse(Role.MEMBER));
		model.addAttribute("errors", Map.of());
		model.addAttribute("displayName", "");
		return "account/register";
	}

	@PostMapping("/register/{token}")
	String register(@PathVariable String token, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		AccountLink link = accounts.usableLink(token, AccountLink.Purpose.INVITATION)
			.orElseThrow(AccountService.LinkNotUsableException::new);
		AccountService.Errors errors = accounts.register(token, displayName, Forms.orEmpty(newPassword),
				Forms.orEmpty(confirmPassword), Forms.source(request));
		if (errors.any()) {
			model.addAttribute("token", token);
			model.addAttribute("email", link.email().orElseThrow());
			model.addAttribute("role", link.role().orElse(Role.MEMBER));
			model.addAttribute("errors", errors.byField());
			model.addAttribute("displayName", Forms.orEmpty(displayName));
			return "account/register";
		}
		// They have just chosen a password: asking for it again at once proves nothing.
		return accounts.signInAfterRegistering(link.email().orElseThrow(), Forms.source(request)).map(account -> {
			SignedInSessions.start(account, request, response);
			redirect.addFlashAttribute("success", "Your account has been created and you are signed in");
			return "redirect:/account";
		}).orElse("redirect:/sign-in?registered");
	}

	@GetMapping("/reset/{token}")
	String resetForm(@PathVariable String token, Model model) {
		accounts.usableLink(token, AccountLink.Purpose.RESET).orElseThrow(AccountService.LinkNotUsableException::new);
		model.addAttribute("token", token);
		model.addAttribute("errors", Map.of());
		return "account/reset";
	}

	@PostMapping("/reset/{token}")
	String reset(@PathVariable String token, @RequestParam(required = false) String newPassword,
			@RequestParam(required = false) String confirmPassword, HttpServletRequest request, Model model) {
		AccountService.Errors errors = accounts.resetPassword(token, Forms.orEmpty(newPassword),
				Forms.orEmpty(confirmPassword), Forms.source(request));
		if (errors.any()) {
			model.addAttribute("token", token);
			model.addAttribute("errors", errors.byField());
			return "account/reset";
		}
		return "redirect:/sign-in?reset";
	}

	/** Unknown, tampered, expired and used links all get the same page and status. */
	@ExceptionHandler(AccountService.LinkNotUsableException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String linkNotUsable() {
		return "account/link-not-usable";
	}
}
