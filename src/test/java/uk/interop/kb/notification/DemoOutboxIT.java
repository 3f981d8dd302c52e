package uk.interop.kb.notification;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.support.AppProcess;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar with no mail server configured, in the demo profile, as a person trying the app runs
 * it: an invitation is written as an {@code .eml} file under {@code data/outbox/} with one log line,
 * the admin page lists it, shows its text, and its link works.
 */
class DemoOutboxIT {

	private static final String DEMO_PASSWORD = "sample passphrase lantern 42";
	private static final Pattern FILE = Pattern.compile("href=\"/admin/email/outbox/([0-9-]+\\.eml)\"");

	@TempDir
	Path dir;

	@Test
	void withoutAMailServerEachMessageIsAnEmlFileTheDemoAdminCanRead() throws Exception {
		AppProcess app = new AppProcess(dir.resolve("app.log"),
				Map.of("KB_ADMIN_PASSWORD", AppProcess.ADMIN_PASSWORD, "KB_DEMO_PASSWORD", DEMO_PASSWORD),
				"--kb.content-dir=" + Path.of("content").toAbsolutePath(),
				"--kb.index-dir=" + dir.resolve("index").toAbsolutePath(),
				"--kb.data-dir=" + dir.resolve("data").toAbsolutePath(), "--spring.profiles.active=demo");
		try {
			app.start();
			assertThat(new Http(app.port()).page("/sign-in").body()).contains("This is a demonstration copy",
					"<code>member@example.org</code>", "<code>admin@example.org</code>");
			assertThat(Files.readString(app.log())).contains("DEMO ACCOUNTS EXIST", "editor@example.org")
				.doesNotContain("one-time password");
			WebSession admin = new WebSession(app.port());
			assertThat(admin.signIn("admin@example.org", DEMO_PASSWORD).statusCode()).isEqualTo(302);
			assertThat(admin.post("/admin/invitations/new", "/admin/invitations",
					Map.of("email", "visitor@example.org", "role", "MEMBER")).statusCode()).isEqualTo(302);

			Path outbox = dir.resolve("data").resolve("outbox");
			Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
			while (emlFiles(outbox).isEmpty() && Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
			assertThat(emlFiles(outbox)).hasSize(1);
			assertThat(Files.readString(app.log())).contains("Email not sent (no mail server configured): INVITATION to "
					+ "visitor@example.org");

			String page = admin.get("/admin/email").body();
			assertThat(page).contains("Outbox folder (demo)").contains("You&#39;re invited to Interop KB")
				.contains("to visitor@example.org");
			Matcher file = FILE.matcher(page);
			assertThat(file.find()).isTrue();
			String message = admin.get("/admin/email/outbox/" + file.group(1)).body();
			Matcher link = Pattern.compile("http://127.0.0.1:" + app.port() + "(/register/[A-Za-z0-9_-]+)")
				.matcher(message);
			assertThat(link.find()).as("the invitation's link, in the message's text").isTrue();
			assertThat(new Http(app.port()).page(URI.create(link.group(0)).getPath()).statusCode()).isEqualTo(200);
			assertThat(new WebSession(app.port()).get("/admin/email/outbox/" + file.group(1)).statusCode())
				.as("administrators only").isEqualTo(302);
		}
		finally {
			app.close();
		}
	}

	private static List<Path> emlFiles(Path outbox) throws java.io.IOException {
		if (!Files.isDirectory(outbox)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(outbox)) {
			return files.filter(p -> p.toString().endsWith(".eml")).toList();
		}
	}
}
