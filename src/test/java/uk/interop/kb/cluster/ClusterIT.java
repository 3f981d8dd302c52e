package uk.interop.kb.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.support.AppProcess;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.LessonForms;
import uk.interop.kb.support.TestDatabases;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the built jar sharing one PostgreSQL database, each with its own index: what is
 * published or withdrawn on one becomes searchable (or not) on the other by following the change
 * log. The delays are printed and written to {@code target/cluster-delays.txt}, not asserted.
 * Skipped without {@code KB_TEST_POSTGRES_URL}; fails on CI without it.
 */
class ClusterIT {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
	private static final Pattern ID = Pattern.compile("/submissions/(\\d+)");

	@TempDir
	Path dir;

	private static AppProcess instance(Path dir, String url) {
		return new AppProcess(dir.resolve("app.log"), Map.of("KB_ADMIN_PASSWORD", AppProcess.ADMIN_PASSWORD),
				"--kb.content-dir=" + Path.of("content").toAbsolutePath(),
				"--kb.index-dir=" + dir.resolve("index").toAbsolutePath(), AppProcess.SHARED_EMBEDDINGS,
				"--kb.backup-dir=" + dir.resolve("backups").toAbsolutePath(), "--spring.datasource.url=" + url,
				"--kb.search.searches-per-minute=1000000", "--kb.search.burst=1000000",
				"--spring.datasource.username=postgres", "--spring.datasource.password=");
	}

	@Test
	void whatIsPublishedOrWithdrawnOnOneInstanceReachesTheOthersSearch() throws Exception {
		String base = TestDatabases.postgresUrl();
		String schema = "kb_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection admin = DriverManager.getConnection(base)) {
			admin.createStatement().execute("create schema " + schema);
		}
		String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		AppProcess a = instance(dir.resolve("a"), url).start();
		AppProcess b = instance(dir.resolve("b"), url).start();
		List<Long> delays = new ArrayList<>();
		try {
			WebSession onA = signIn(a);
			Http searchA = new Http(a.port());
			Http searchB = new Http(b.port());
			long first = 0;
			for (int i = 0; i < 5; i++) {
				String word = "zxcluster" + (char) ('a' + i) + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
				long id = publish(onA, word);
				long published = System.nanoTime();
				assertThat(total(searchA, word)).as("on the instance that published it, at once").isEqualTo(1);
				delays.add(untilTotal(searchB, word, 1, published));
				if (i == 0) {
					first = id;
				}
			}
			// Backups of PostgreSQL are pg_dump's job: the admin page says so instead of half-doing it.
			HttpResponse<String> backup = onA.post("/admin/backup", "/admin/backup", Map.of());
			assertThat(onA.follow(backup).body()).contains("The database is PostgreSQL: back it up with pg_dump");

			WebSession onB = signIn(b);
			String review = onB.get("/moderation/" + first).body();
			HttpResponse<String> withdrawn = onB.postRaw("/moderation/" + first + "/withdraw", Map.of("version",
					version(review), "reason", "Superseded", "_csrf", WebSession.csrfFrom(review)));
			assertThat(withdrawn.statusCode()).isEqualTo(302);
			String word = wordOf(onB.get("/submissions/" + first).body());
			long delay = untilTotal(searchA, word, 0, System.nanoTime());
			String report = "Change log delay, publish on A to searchable on B (ms): " + delays
					+ "; withdraw on B to gone on A (ms): " + delay;
			System.out.println(report);
			Files.writeString(Path.of("target/cluster-delays.txt"), report + "\n");
		}
		finally {
			a.stop();
			b.stop();
			try (Connection admin = DriverManager.getConnection(base)) {
				admin.createStatement().execute("drop schema " + schema + " cascade");
			}
		}
	}

	/** Polls until the search shows {@code expected} hits (up to 20 s), returning how long it took from {@code since}. */
	private static long untilTotal(Http http, String word, long expected, long since) throws InterruptedException {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (total(http, word) != expected) {
			assertThat(System.nanoTime()).as(word + " reaches " + expected + " hits").isLessThan(deadline);
			Thread.sleep(20);
		}
		return (System.nanoTime() - since) / 1_000_000;
	}

	private static WebSession signIn(AppProcess app) {
		WebSession web = new WebSession(app.port());
		assertThat(web.signIn("admin", AppProcess.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		return web;
	}

	private static long publish(WebSession web, String word) {
		String page = web.get("/submissions/new").body();
		Map<String, String> fields = LessonForms.about("Cluster lesson " + word, word);
		fields.put("_csrf", WebSession.csrfFrom(page));
		HttpResponse<String> created = web.postRaw("/submissions", fields);
		assertThat(created.statusCode()).isEqualTo(302);
		Matcher id = ID.matcher(created.headers().firstValue("Location").orElseThrow());
		assertThat(id.find()).isTrue();
		long submission = Long.parseLong(id.group(1));
		String view = web.get("/submissions/" + submission).body();
		assertThat(web.postRaw("/submissions/" + submission + "/submit", Map.of("version", version(view), "_csrf",
				WebSession.csrfFrom(view))).statusCode()).isEqualTo(302);
		String review = web.get("/moderation/" + submission).body();
		assertThat(web.postRaw("/moderation/" + submission + "/publish", Map.of("version", version(review),
				"noPersonalData", "true", "noSensitiveMaterial", "true", "consentToAttribute", "true", "_csrf",
				WebSession.csrfFrom(review))).statusCode()).isEqualTo(302);
		return submission;
	}

	private static String wordOf(String page) {
		Matcher word = Pattern.compile("zxcluster[a-z]+").matcher(page);
		assertThat(word.find()).isTrue();
		return word.group();
	}

	private static String version(String html) {
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
}
