package uk.interop.kb.backup;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin backup page in the shared app, whose database is in memory: the page explains where
 * backups go, and a backup is refused with the reason rather than failing. {@code BackupIT} backs
 * up and restores a real H2 file.
 */
@KbApplicationTest
class BackupPageTests {

	@LocalServerPort
	int port;

	private final TestAccounts accounts;

	@Autowired
	BackupPageTests(TestAccounts accounts) {
		this.accounts = accounts;
	}

	@Test
	void theBackupPageSaysWhereBackupsGoAndExplainsARefusal() {
		WebSession admin = new WebSession(port);
		admin.signIn(accounts.user(Role.ADMIN), TestAccounts.PASSWORD);

		String page = admin.get("/admin/backup").body();
		HttpResponse<String> refused = admin.post("/admin/backup", "/admin/backup", Map.of());

		assertThat(page).contains("<h1 class=\"govuk-heading-xl\">Backups</h1>",
				Path.of("target/test-backups").toAbsolutePath().toString(), "Back up now");
		assertThat(admin.get("/admin").body()).contains("href=\"/admin/backup\"");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(admin.follow(refused).body()).contains("There is a problem",
				"The database is in memory (a test or demo setting): there is no file to back up");
		assertThat(Files.exists(Path.of("target/test-backups"))
				? Path.of("target/test-backups").toFile().list() : new String[0]).isEmpty();
	}
}
