package uk.interop.kb.notification;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.audit.AuditLog;

/**
 * "Email preferences" for the optional kinds, and the one-click unsubscribe link every optional
 * message carries. The link's GET only asks (mail scanners follow links); its POST, from the page's
 * button or straight from the mail program (RFC 8058 {@code List-Unsubscribe=One-Click}), unsubscribes,
 * with no sign-in: the signed token is the authority.
 */
@Controller
class PreferencesController {

	private final Preferences preferences;
	private final UnsubscribeLinks links;
	private final ApplicationEventPublisher events;
	private final TransactionOperations transactions;
	private final AuditLog audit;

	PreferencesController(Preferences preferences, UnsubscribeLinks links, ApplicationEventPublisher events,
			TransactionOperations transactions, AuditLog audit) {
		this.preferences = preferences;
		this.links = links;
		this.events = events;
		this.transactions = transactions;
		this.audit = audit;
	}

	@GetMapping("/account/email")
	String preferences(@AuthenticationPrincipal KbUser user, Model model) {
		model.addAttribute("kinds", EmailKind.preferences());
		model.addAttribute("wanted", preferences.all(user.id()));
		return "notification/preferences";
	}

	@PostMapping("/account/email")
	String save(@AuthenticationPrincipal KbUser user, @RequestParam(name = "kind", required = false) List<String> kinds,
			RedirectAttributes redirect) {
		List<String> chosen = kinds == null ? List.of() : kinds;
		for (EmailKind kind : EmailKind.preferences()) {
			preferences.set(user.id(), kind, chosen.contains(kind.name()));
		}
		redirect.addFlashAttribute("success", "Your email preferences have been saved");
		return "redirect:/account/email";
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model) {
		UnsubscribeLinks.Scope scope = links.verify(token).orElseThrow(NotUsableException::new);
		model.addAttribute("token", token);
		model.addAttribute("what", describe(scope));
		return "notification/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model) {
		UnsubscribeLinks.Scope scope = links.verify(token).orElseThrow(NotUsableException::new);
		transactions.executeWithoutResult(status -> {
			scope.kind().ifPresent(kind -> preferences.set(scope.accountId(), kind, false));
			scope.savedSearch().ifPresent(id -> events.publishEvent(new AlertUnsubscribed(scope.accountId(), id)));
			audit.record("account " + scope.accountId(), "UNSUBSCRIBED", "account " + scope.accountId(),
					scope.kind().map(Enum::name).orElse("saved search " + scope.savedSearch().orElse(0L)), null);
		});
		model.addAttribute("what", describe(scope));
		return "notification/unsubscribed";
	}

	private static String describe(UnsubscribeLinks.Scope scope) {
		return scope.kind().map(kind -> "emails about " + kind.label().toLowerCase(java.util.Locale.ROOT))
			.orElse("alerts for this saved search");
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotUsableException extends RuntimeException {
		NotUsableException() {
			super("Unsubscribe link not usable", null, false, false);
		}
	}
}
