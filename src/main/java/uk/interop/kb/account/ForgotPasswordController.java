package uk.interop.kb.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletRequest;

/**
 * "Forgot your password?": one form, one answer. Whether or not the address has an account, and
 * whether or not a limit stopped the email, the person sees the same "check your email" page, so the
 * form cannot be used to find out who has an account. A source address may ask
 * {@code kb.accounts.reset-requests-per-source} times an hour (held in memory, like the sign-in throttle); each
 * account is also limited in the database ({@link AccountService#RESETS_PER_ACCOUNT_PER_HOUR}).
 */
@Controller
class ForgotPasswordController {

	private static final int MAX_EMAIL = 254;

	private final AccountService accounts;
	private final Cache<String, AtomicInteger> requests;
	private final int perSource;

	ForgotPasswordController(AccountService accounts, AccountsProperties properties, Clock clock) {
		this.accounts = accounts;
		this.perSource = properties.resetRequestsPerSource();
		this.requests = Caffeine.newBuilder()
			.maximumSize(50_000)
			.expireAfterWrite(Duration.ofHours(1))
			.ticker(() -> clock.millis() * 1_000_000L)
			.executor(Runnable::run)
			.build();
	}

	@GetMapping("/forgot-password")
	String form(Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("email", "");
		return "account/forgot-password";
	}

	@PostMapping("/forgot-password")
	String request(@RequestParam(required = false) String email, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		String typed = Forms.orEmpty(email).strip();
		if (typed.isEmpty() || typed.length() > MAX_EMAIL || !Account.EMAIL.matcher(typed).matches()) {
			model.addAttribute("errors", Map.of("email", typed.isEmpty() ? "Enter your email address"
					: "Enter an email address in the correct format, like name@example.org"));
			model.addAttribute("email", typed.length() > MAX_EMAIL ? "" : typed);
			return "account/forgot-password";
		}
		String source = Forms.source(request);
		if (requests.get(source, s -> new AtomicInteger()).incrementAndGet() <= perSource) {
			accounts.requestReset(typed, source);
		}
		redirect.addFlashAttribute("email", typed);
		return "redirect:/forgot-password/sent";
	}

	@GetMapping("/forgot-password/sent")
	String sent(Model model) {
		if (!model.containsAttribute("email")) {
			return "redirect:/forgot-password";
		}
		return "account/forgot-password-sent";
	}
}
