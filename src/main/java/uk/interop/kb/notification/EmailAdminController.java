package uk.interop.kb.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.audit.AuditLog;

/**
 * Administrators: how email leaves, what failed (with the error and a "try again"), the latest
 * messages, and in the {@code demo} profile with the embedded transport the {@code .eml} files
 * themselves, so a person trying the app can read what it would have sent.
 */
@Controller
class EmailAdminController {

	private static final int LIST = 50;

	private final OutboxRepository rows;
	private final OutboxSender sender;
	private final Environment environment;
	private final AuditLog audit;
	private final Clock clock;

	EmailAdminController(OutboxRepository rows, OutboxSender sender, Environment environment, AuditLog audit,
			Clock clock) {
		this.rows = rows;
		this.sender = sender;
		this.environment = environment;
		this.audit = audit;
		this.clock = clock;
	}

	/** A written {@code .eml} file, for the list. */
	record OutboxFile(String name, String subject, String to) {
	}

	@GetMapping("/admin/email")
	String overview(Model model) {
		model.addAttribute("transport", sender.transportDescription());
		model.addAttribute("counts", rows.counts());
		model.addAttribute("troubled", rows.troubled(LIST));
		model.addAttribute("recent", rows.recent(20));
		model.addAttribute("files", demoFiles().map(this::describe).orElse(null));
		return "notification/admin";
	}

	@PostMapping("/admin/email/{id}/retry")
	String retry(@PathVariable long id, @AuthenticationPrincipal KbUser admin,
			jakarta.servlet.http.HttpServletRequest request, RedirectAttributes redirect) {
		OutboxRepository.Row row = rows.find(id).orElseThrow(NotFoundException::new);
		if (rows.retry(id, clock.instant())) {
			audit.record(admin.getUsername(), "EMAIL_RETRIED", row.recipient(), row.kind() + " #" + id,
					request.getRemoteAddr());
			sender.wake();
			redirect.addFlashAttribute("success", "Email " + id + " will be tried again now");
		}
		return "redirect:/admin/email";
	}

	@GetMapping("/admin/email/outbox/{name}")
	String file(@PathVariable String name, Model model) {
		FileTransport files = demoTransport().orElseThrow(NotFoundException::new);
		Path file = files.file(name).orElseThrow(NotFoundException::new);
		try (InputStream in = Files.newInputStream(file)) {
			MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
			model.addAttribute("name", name);
			model.addAttribute("subject", message.getSubject());
			model.addAttribute("to", String.join(", ", java.util.Arrays.stream(message.getAllRecipients())
				.map(Object::toString).toList()));
			model.addAttribute("text", textPart(message));
			model.addAttribute("headers", java.util.Collections.list(message.getAllHeaderLines()));
		}
		catch (IOException | MessagingException ex) {
			throw new NotFoundException();
		}
		return "notification/admin-file";
	}

	private List<OutboxFile> describe(FileTransport files) {
		return files.files().stream().limit(LIST).map(path -> {
			try (InputStream in = Files.newInputStream(path)) {
				MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
				return new OutboxFile(path.getFileName().toString(), message.getSubject(),
						message.getAllRecipients()[0].toString());
			}
			catch (IOException | MessagingException | RuntimeException ex) {
				return new OutboxFile(path.getFileName().toString(), "(unreadable)", "");
			}
		}).toList();
	}

	private static String textPart(MimeMessage message) throws IOException, MessagingException {
		Object content = message.getContent();
		if (content instanceof MimeMultipart parts) {
			for (int i = 0; i < parts.getCount(); i++) {
				if (parts.getBodyPart(i).isMimeType("text/plain")) {
					return parts.getBodyPart(i).getContent().toString();
				}
			}
		}
		return content.toString();
	}

	private java.util.Optional<FileTransport> demoTransport() {
		return environment.acceptsProfiles(Profiles.of("demo")) && sender.transport() instanceof FileTransport files
				? java.util.Optional.of(files) : java.util.Optional.empty();
	}

	private java.util.Optional<FileTransport> demoFiles() {
		return demoTransport();
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotFoundException extends RuntimeException {
		NotFoundException() {
			super("Not found", null, false, false);
		}
	}
}
