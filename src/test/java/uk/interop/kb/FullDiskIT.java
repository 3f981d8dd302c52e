package uk.interop.kb;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.support.AppProcess;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.LessonForms;
import uk.interop.kb.support.Tmpfs;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar with its index on a small tmpfs that is then filled: pages and searches still answer,
 * health says the index is DEGRADED (readiness stays up), publishing answers 503 with the form as the
 * editor left it and the submission unchanged, and once space returns publishing works again without
 * a restart.
 */
class FullDiskIT {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@TempDir
	Path dir;

	@Test
	void aFullIndexDiskKeepsReadingRefusesPublishingClearlyAndRecovers() throws Exception {
		try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 32);
				AppProcess app = new AppProcess(dir.resolve("app.log"), Map.of("KB_ADMIN_PASSWORD", AppProcess.ADMIN_PASSWORD),
						"--kb.content-dir=" + Path.of("content").toAbsolutePath(),
						"--kb.index-dir=" + disk.dir().resolve("index").toAbsolutePath(),
						"--kb.data-dir=" + dir.resolve("data").toAbsolutePath()).start()) {
			Http http = new Http(app.port());
			WebSession admin = new WebSession(app.port());
			assertThat(admin.signIn("admin", AppProcess.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
			long id = submitted(admin, "Lesson published onto a full disk about puffins");

			Path filler = disk.fill();

			assertThat(http.page("/documents/handbook/semantic").statusCode()).isEqualTo(200);
			assertThat(http.page("/search?q=semantic").statusCode()).isEqualTo(200);
			assertThat(http.get("/api/v1/search?q=semantic").statusCode()).isEqualTo(200);
			HttpResponse<String> health = http.get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"DEGRADED\"");
			assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

			String review = admin.get("/moderation/" + id).body();
			Map<String, String> publish = new LinkedHashMap<>();
			publish.put("version", group(VERSION, review));
			publish.put("noPersonalData", "true");
			publish.put("noSensitiveMaterial", "true");
			publish.put("consentToAttribute", "true");
			publish.put("_csrf", WebSession.csrfFrom(review));
			HttpResponse<String> refused = admin.postRaw("/moderation/" + id + "/publish", publish);

			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.body()).contains("There is a problem",
					"Search cannot take changes just now because of a problem on our side, so nothing has been changed.");
			assertThat(refused.body()).containsPattern("name=\"noPersonalData\" type=\"checkbox\" value=\"true\" checked")
				.containsPattern("name=\"noSensitiveMaterial\" type=\"checkbox\" value=\"true\" checked")
				.containsPattern("name=\"consentToAttribute\" type=\"checkbox\" value=\"true\" checked");
			assertThat(admin.get("/moderation/" + id).body()).contains("Approve and publish");
			assertThat(http.get("/api/v1/search?q=puffins").body()).contains("\"total\":0");

			Files.delete(filler);
			awaitHealthUp(http);

			review = admin.get("/moderation/" + id).body();
			publish.put("version", group(VERSION, review));
			publish.put("_csrf", WebSession.csrfFrom(review));
			assertThat(admin.postRaw("/moderation/" + id + "/publish", publish).statusCode()).isEqualTo(302);
			assertThat(http.get("/api/v1/search?q=puffins").body()).contains("\"total\":1");
		}
	}

	private static long submitted(WebSession web, String title) {
		String form = web.get("/submissions/new").body();
		Map<String, String> fields = LessonForms.fields(title, "A short summary.",
				"## What happened\n\nPuffins were counted before the interface was built.\n\n## What we learned\n\nCount first."
						+ "\n\n## Recommendation\n\nCount.\n\n## Evidence\n\nA count.");
		fields.put("_csrf", WebSession.csrfFrom(form));
		HttpResponse<String> created = web.postRaw("/submissions", fields);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*/submissions/(\\d+).*", "$1"));
		String view = web.get("/submissions/" + id).body();
		HttpResponse<String> submitted = web.postRaw("/submissions/" + id + "/submit",
				Map.of("version", group(VERSION, view), "_csrf", WebSession.csrfFrom(view)));
		assertThat(submitted.statusCode()).isEqualTo(302);
		return id;
	}

	private static void awaitHealthUp(Http http) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			if (http.get("/actuator/health").body().contains("\"status\":\"UP\"")) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("health did not return to UP: " + http.get("/actuator/health").body());
	}

	private static String group(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}
}
