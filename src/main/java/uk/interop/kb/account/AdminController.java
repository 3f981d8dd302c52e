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

import uk.interop.kb.audit.AuditActions;
import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.web.Csv;
import uk.interop.kb.web.BaseUrl;

/** Administrators: users, roles, disabling, invitations, reset links and the audit log. */
@Controller
@RequestMapping("/admin")
class AdminController {

	private static final int AUDIT_PAGE_SIZE = 50;
	static final int AUDIT_EXPORT_MAX = 50_000;

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
		return "redirect:/admin/invitations";
	}

	@GetMapping("/invitations")
	String invitations(Model model) {
		model.addAttribute("invitations", accounts.pendingInvitations());
		return "admin/invitations";
	}

	@PostMapping("/invitations/{id}/revoke")
	String revokeInvitation(@PathVariable long id, @AuthenticationPrincipal KbUser admin, HttpServletRequest request,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", accounts.revokeInvitation(admin, id, Forms.source(request))
				? "Invitation revoked: its link no longer works" : "That invitation had already been used or had ended");
		return "redirect:/admin/invitations";
	}

	@GetMapping("/audit")
	String audit(@RequestParam(defaultValue = "1") String page, @RequestParam(defaultValue = "") String who,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model) {
		AuditFilterForm form = new AuditFilterForm(who, action, from, to);
		AuditLog.Filter filter = form.filter();
		long total = audit.count(filter);
		int pages = (int) Math.max(1, (total + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE);
		int current;
		try {
			current = Math.max(1, Math.min(pages, Integer.parseInt(page)));
		}
		catch (NumberFormatException ex) {
			current = 1;
		}
		model.addAttribute("events", audit.page(filter, current, AUDIT_PAGE_SIZE).stream()
			.map(e -> new AuditRow(e, AuditActions.label(e.action()))).toList());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("total", total);
		model.addAttribute("form", form);
		model.addAttribute("errors", form.errors());
		model.addAttribute("filtered", filter.any());
		model.addAttribute("actions", audit.actions().stream()
			.map(code -> new Choice(code, AuditActions.label(code))).toList());
		model.addAttribute("query", form.query());
		return "admin/audit";
	}

	/** Every event the filter admits (up to {@value #AUDIT_EXPORT_MAX}), newest first, with the words and the code. */
	@GetMapping(path = "/audit.csv")
	org.springframework.http.ResponseEntity<String> auditCsv(@RequestParam(defaultValue = "") String who,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to) {
		AuditLog.Filter filter = new AuditFilterForm(who, action, from, to).filter();
		StringBuilder csv = new StringBuilder(Csv.row(java.util.List.of("when (UTC)", "who", "action", "code",
				"target", "detail", "source")));
		for (var e : audit.page(filter, 1, AUDIT_EXPORT_MAX)) {
			csv.append(Csv.row(java.util.Arrays.asList(e.occurredAt().toString(), e.actor(),
					AuditActions.label(e.action()), e.action(), e.target(), e.detail(), e.source())));
		}
		return org.springframework.http.ResponseEntity.ok()
			.contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
			.body(csv.toString());
	}

	/** One event and the words for its action. */
	record AuditRow(uk.interop.kb.audit.AuditEvent event, String label) {
	}

	/** A choice in a select: the value sent and the words shown. */
	record Choice(String value, String label) {
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
