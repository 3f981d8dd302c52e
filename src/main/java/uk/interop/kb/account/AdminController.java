package uk.interop.kb.account;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.web.BaseUrl;

/** Administrators: users, roles, disabling, invitations, reset links and the audit log. */
@Controller
@RequestMapping("/admin")
class AdminController {

	private static final int AUDIT_PAGE_SIZE = 50;

	private final AccountService accounts;
	private final AccountOrganisations organisations;
	private final AuditLog audit;
	private final BaseUrl baseUrl;

	AdminController(AccountService accounts, AccountOrganisations organisations, AuditLog audit, BaseUrl baseUrl) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.audit = audit;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/users")
	String users(Model model) {
		model.addAttribute("users", accounts.all());
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("organisationLabels", organisationLabels());
		return "admin/users";
	}

	@GetMapping("/users/{id}")
	String user(@PathVariable long id, Model model) {
		model.addAttribute("user", accounts.find(id).orElseThrow(NoSuchAccountException::new));
		model.addAttribute("roles", Role.values());
		model.addAttribute("organisation", organisations.of(id).orElse(""));
		model.addAttribute("organisationChoices", organisations.choices());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "admin/user";
	}

	@PostMapping("/users/{id}/organisation")
	String changeOrganisation(@PathVariable long id, @RequestParam(required = false) String organisation,
			@AuthenticationPrincipal KbUser admin, HttpServletRequest request, RedirectAttributes redirect) {
		accounts.find(id).orElseThrow(NoSuchAccountException::new);
		AccountService.Errors errors = organisations.set(admin, id, Forms.orEmpty(organisation), Forms.source(request));
		return done(id, errors, "Organisation changed", redirect);
	}

	private Map<String, String> organisationLabels() {
		Map<String, String> labels = new java.util.HashMap<>();
		organisations.choices().forEach(c -> labels.put(c.id(), c.label()));
		return labels;
	}

	@PostMapping("/users/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam(required = false) String role,
			@AuthenticationPrincipal KbUser admin, HttpServletRequest request, RedirectAttributes redirect) {
		accounts.find(id).orElseThrow(NoSuchAccountException::new);
		AccountService.Errors errors = accounts.changeRole(admin, id, Forms.orEmpty(role), Forms.source(request));
		return done(id, errors, "Role changed", redirect);
	}

	@PostMapping("/users/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal KbUser admin,
			HttpServletRequest request, RedirectAttributes redirect) {
		accounts.find(id).orElseThrow(NoSuchAccountException::new);
		AccountService.Errors errors = accounts.setEnabled(admin, id, enabled, Forms.source(request));
		return done(id, errors, enabled ? "Account enabled" : "Account disabled: its sessions have ended", redirect);
	}

	@PostMapping("/users/{id}/reset-link")
	String resetLink(@PathVariable long id, @AuthenticationPrincipal KbUser admin, HttpServletRequest request,
			RedirectAttributes redirect) {
		Account account = accounts.find(id).orElseThrow(NoSuchAccountException::new);
		String token = accounts.resetLink(admin, id, Forms.source(request));
		redirect.addFlashAttribute("link", baseUrl.of("/reset/" + token));
		redirect.addFlashAttribute("emailedTo", account.email().orElse(null));
		redirect.addFlashAttribute("linkKind", "password reset");
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/invitations/new")
	String invitationForm(Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("errors", Map.of());
		model.addAttribute("email", "");
		model.addAttribute("role", "");
		return "admin/invite";
	}

	@PostMapping("/invitations")
	String invite(@RequestParam(required = false) String email, @RequestParam(required = false) String role,
			@AuthenticationPrincipal KbUser admin, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		AccountService.Invitation invitation = accounts.invite(admin, Forms.orEmpty(email), Forms.orEmpty(role),
				Forms.source(request));
		if (invitation.errors().any()) {
			model.addAttribute("roles", Role.values());
			model.addAttribute("errors", invitation.errors().byField());
			model.addAttribute("email", Forms.orEmpty(email));
			model.addAttribute("role", Forms.orEmpty(role));
			return "admin/invite";
		}
		redirect.addFlashAttribute("link", baseUrl.of("/register/" + invitation.token()));
		redirect.addFlashAttribute("linkKind", "invitation");
		redirect.addFlashAttribute("emailedTo", invitation.email());
		return "redirect:/admin/users";
	}

	@GetMapping("/audit")
	String audit(@RequestParam(defaultValue = "1") String page, Model model) {
		long total = audit.count();
		int pages = (int) Math.max(1, (total + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE);
		int current;
		try {
			current = Math.max(1, Math.min(pages, Integer.parseInt(page)));
		}
		catch (NumberFormatException ex) {
			current = 1;
		}
		model.addAttribute("events", audit.page(current, AUDIT_PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("total", total);
		return "admin/audit";
	}

	private static String done(long id, AccountService.Errors errors, String success, RedirectAttributes redirect) {
		if (errors.any()) {
			redirect.addFlashAttribute("errors", errors.byField());
		}
		else {
			redirect.addFlashAttribute("success", success);
		}
		return "redirect:/admin/users/" + id;
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NoSuchAccountException extends RuntimeException {
		NoSuchAccountException() {
			super("No such account", null, false, false);
		}
	}

}
