package uk.interop.kb.about;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.interop.kb.account.AccountsProperties;
import uk.interop.kb.account.SessionTimes;
import uk.interop.kb.insights.InsightsProperties;
import uk.interop.kb.shared.RetentionProperties;
import uk.interop.kb.web.BaseUrl;

/**
 * The accessibility statement, privacy notice, cookies and contact pages. The privacy notice's periods come from
 * the same settings the scheduled clean-ups read ({@code kb.retention.*}, {@code kb.insights.retention}, the
 * link lifetimes and session timeouts), so the notice cannot say one thing while the code does another.
 */
@Controller
class AboutController {

	private final ServiceProperties service;
	private final RetentionProperties retention;
	private final InsightsProperties insights;
	private final AccountsProperties accounts;
	private final BaseUrl baseUrl;
	private final Duration sessionTimeout;

	AboutController(ServiceProperties service, RetentionProperties retention, InsightsProperties insights,
			AccountsProperties accounts, BaseUrl baseUrl,
			@Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
		this.service = service;
		this.retention = retention;
		this.insights = insights;
		this.accounts = accounts;
		this.baseUrl = baseUrl;
		this.sessionTimeout = sessionTimeout;
	}

	/** One row of the privacy notice's retention table: what, how long, and how that is enforced. */
	record Kept(String what, String period, String how) {
	}

	@GetMapping("/accessibility")
	String accessibility(Model model) {
		model.addAttribute("service", service);
		model.addAttribute("siteUrl", baseUrl.value());
		model.addAttribute("sessionMinutes", sessionTimeout.toMinutes());
		model.addAttribute("lifetime", SessionTimes.inWords(accounts.sessionAbsoluteTimeout()));
		model.addAttribute("warning", SessionTimes.inWords(accounts.sessionWarning()));
		return "about/accessibility";
	}

	@GetMapping("/privacy")
	String privacy(Model model) {
		model.addAttribute("service", service);
		model.addAttribute("kept", kept());
		return "about/privacy";
	}

	@GetMapping("/cookies")
	String cookies(Model model) {
		model.addAttribute("sessionMinutes", sessionTimeout.toMinutes());
		model.addAttribute("absoluteHours", accounts.sessionAbsoluteTimeout().toHours());
		return "about/cookies";
	}

	@GetMapping("/contact")
	String contact(Model model) {
		model.addAttribute("service", service);
		return "about/contact";
	}

	List<Kept> kept() {
		String nightly = "Deleted automatically every night once past this period";
		return List.of(
				new Kept("Your account: name, email address, role, organisation, password (only as a one-way hash), "
						+ "failed sign-ins and any linked organisation account",
						"While you have an account", "Ask us to remove it; an administrator can disable it at once"),
				new Kept("The audit log: who did what, to what, when, and from which network (IP) address",
						RetentionProperties.describe(retention.auditLog()), nightly),
				new Kept("Invitation and password reset links (the email address they were for, and who made them)",
						"Until used or expired (invitations after " + days(accounts.invitationLifetime())
								+ ", reset links after " + hours(accounts.resetLifetime()) + "), then "
								+ RetentionProperties.describe(retention.links()),
						nightly),
				new Kept("Copies of emails we sent you (and ones we could not send)",
						RetentionProperties.describe(retention.email()) + " after they were written", nightly),
				new Kept("Lessons, case studies and suggested changes you submitted, with every revision, your name as "
						+ "the author and the editors' decisions",
						"While the service runs: published work is the library, and the history of each is kept",
						"Ask us to remove your name from work that was not published"),
				new Kept("Your organisation’s self-assessments, answers, evidence notes and improvement actions",
						"While the service runs", "Your organisation can ask us to delete them"),
				new Kept("Your saved searches and which results their alerts have told you of",
						"Until you delete them", "Delete them on the saved searches page"),
				new Kept("What people search for: the words and how many times a day, with no account or address",
						RetentionProperties.describe(insights.retention()), nightly),
				new Kept("Answers to “Is this page useful?” and the feedback form: the page, the answer, what you "
						+ "typed and the day, with no account or address",
						RetentionProperties.describe(retention.feedback()), nightly),
				new Kept("Your session (the cookie that keeps you signed in)",
						sessionTimeout.toMinutes() + " minutes without using the service, and "
								+ accounts.sessionAbsoluteTimeout().toHours() + " hours at most",
						"Ends by itself; signing out ends it at once"));
	}

	private static String days(Duration duration) {
		return RetentionProperties.describe(duration);
	}

	private static String hours(Duration duration) {
		long hours = duration.toHours();
		return hours + (hours == 1 ? " hour" : " hours");
	}
}
