package uk.interop.kb.backup;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.support.AppProcess;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.LessonForms;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backing up the running app from the admin page and the stopped app from the command line, then
 * restoring into a fresh data directory: the accounts, submissions and published lessons are all
 * there. The commands refuse what would do harm: running against a live app, or restoring over data.
 */
class BackupIT {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
	private static final Pattern ID = Pattern.compile("/submissions/(\\d+)");

	@TempDir
	Path dir;

	record Result(int exit, String output) {
	}

	private static Result command(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", AppProcess.JAR.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private static String[] folders(Path root, String... more) {
		List<String> args = new ArrayList<>(List.of("--kb.content-dir=" + Path.of("content").toAbsolutePath(),
				"--kb.index-dir=" + root.resolve("index").toAbsolutePath(),
				"--kb.data-dir=" + root.resolve("data").toAbsolutePath(), AppProcess.SHARED_EMBEDDINGS));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	private static String[] with(String first, String[] rest) {
		List<String> all = new ArrayList<>(List.of(first.split(" ")));
		all.addAll(List.of(rest));
		return all.toArray(String[]::new);
	}

	private static WebSession admin(AppProcess app) {
		WebSession web = new WebSession(app.port());
		assertThat(web.signIn("admin", AppProcess.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		return web;
	}

	private static long create(WebSession web, String word) {
		String page = web.get("/submissions/new").body();
		Map<String, String> fields = LessonForms.about("Backup lesson " + word, word);
		fields.put("_csrf", WebSession.csrfFrom(page));
		Matcher token = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		fields.put("formToken", token.group(1));
		HttpResponse<String> created = web.postRaw("/submissions", fields);
		assertThat(created.statusCode()).isEqualTo(302);
		Matcher id = ID.matcher(created.headers().firstValue("Location").orElseThrow());
		assertThat(id.find()).isTrue();
		return Long.parseLong(id.group(1));
	}

	private static void publish(WebSession web, long id) {
		String view = web.get("/submissions/" + id).body();
		assertThat(web.postRaw("/submissions/" + id + "/submit", Map.of("version", group(view), "_csrf",
				WebSession.csrfFrom(view))).statusCode()).isEqualTo(302);
		String review = web.get("/moderation/" + id).body();
		assertThat(web.postRaw("/moderation/" + id + "/publish", Map.of("version", group(review), "noPersonalData",
				"true", "noSensitiveMaterial", "true", "consentToAttribute", "true", "_csrf",
				WebSession.csrfFrom(review))).statusCode()).isEqualTo(302);
	}

	private static String group(String html) {
		Matcher matcher = VERSION.matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	/**
	 * How many results carry this word in their title: the test lessons' own words. Counted from the
	 * results, not the total: hybrid search also finds the other test lessons, which read alike.
	 */
	private static long total(Http http, String word) {
		String body = http.get("/api/v1/search?size=100&q=" + word).body();
		return Pattern.compile("\"title\":\"[^\"]*" + Pattern.quote(word)).matcher(body).results().count();
	}

	@Test
	void aBackupOfTheRunningAppRestoresIntoAFreshDataDirectoryWithEverythingInIt() throws Exception {
		Path original = dir.resolve("original");
		Path backups = dir.resolve("backups");
		AppProcess app = AppProcess.inFolder(original, "--kb.backup-dir=" + backups).start();
		Path live;
		try {
			WebSession web = admin(app);
			publish(web, create(web, "zxbackupalpha"));
			create(web, "zxbackupbravo");

			HttpResponse<String> backedUp = web.post("/admin/backup", "/admin/backup", Map.of());
			assertThat(backedUp.statusCode()).isEqualTo(302);
			assertThat(web.follow(backedUp).body()).contains("Backup written to " + backups);
			try (Stream<Path> written = Files.list(backups)) {
				live = written.findFirst().orElseThrow();
			}
			// Written while the app kept serving: the index snapshot is a whole, clean commit.
			publish(web, create(web, "zxbackupcharlie"));
			assertThat(total(new Http(app.port()), "zxbackupcharlie")).isEqualTo(1);

			Result whileRunning = command(with("backup " + dir.resolve("offline-while-running"), folders(original)));
			assertThat(whileRunning.exit()).as(whileRunning.output()).isEqualTo(1);
			assertThat(whileRunning.output()).contains("backup failed: ", "stop");
			Result restoreOverRunning = command(with("restore " + live + " --force", folders(original)));
			assertThat(restoreOverRunning.exit()).as(restoreOverRunning.output()).isEqualTo(1);
			assertThat(restoreOverRunning.output()).contains("restore failed: The app is running on");
		}
		finally {
			app.stop();
		}
		assertThat(live.resolve("database.zip")).isRegularFile();
		try (FSDirectory index = FSDirectory.open(live.resolve("index")); CheckIndex check = new CheckIndex(index)) {
			assertThat(check.checkIndex().clean).isTrue();
		}

		Result offline = command(with("backup " + dir.resolve("offline"), folders(original)));
		assertThat(offline.exit()).as(offline.output()).isZero();
		assertThat(offline.output()).contains("Backup written to " + dir.resolve("offline"));

		Path fresh = dir.resolve("fresh");
		Result restored = command(with("restore " + live, folders(fresh)));
		assertThat(restored.exit()).as(restored.output()).isZero();
		Result again = command(with("restore " + live, folders(fresh)));
		assertThat(again.exit()).isEqualTo(1);
		assertThat(again.output()).contains("restore failed: There is already a database", "--force");

		AppProcess back = AppProcess.inFolder(fresh).start();
		try {
			WebSession web = admin(back);
			assertThat(web.get("/submissions").body()).contains("Backup lesson zxbackupalpha",
					"Backup lesson zxbackupbravo").doesNotContain("zxbackupcharlie");
			Http http = new Http(back.port());
			assertThat(total(http, "zxbackupalpha")).isEqualTo(1);
			assertThat(total(http, "zxbackupbravo")).isZero();
			assertThat(total(http, "zxbackupcharlie")).as("published after the backup was taken").isZero();
		}
		finally {
			back.stop();
		}

		// The command-line backup, taken after the app stopped, holds the lesson published after the live one.
		Path fromOffline = dir.resolve("from-offline");
		assertThat(command(with("restore " + dir.resolve("offline"), folders(fromOffline))).exit()).isZero();
		try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + fromOffline.resolve("data")
				.toAbsolutePath() + "/interop-kb;IFEXISTS=TRUE", "sa", "");
				var published = connection.createStatement().executeQuery(
						"select count(*) from submission where status = 'PUBLISHED'")) {
			assertThat(published.next()).isTrue();
			assertThat(published.getInt(1)).isEqualTo(2);
		}
		try (FSDirectory index = FSDirectory.open(fromOffline.resolve("index").resolve("lucene"));
				CheckIndex check = new CheckIndex(index)) {
			assertThat(check.checkIndex().clean).isTrue();
		}
	}
}
