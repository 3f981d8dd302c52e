package uk.interop.kb;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
 * The built jar, killed with SIGKILL at random moments while an administrator creates, submits and
 * publishes lessons and invites people through the web forms, then restarted. Every write that was
 * acknowledged (a 302) must be there, every published lesson searchable, nothing duplicated (even when an
 * unacknowledged form is posted again), and after a clean stop Lucene's CheckIndex finds the index
 * clean. Email goes through the outbox to GreenMail in this JVM: every acknowledged invitation's
 * message arrives, with a link that works, and a message arrives twice only if a kill fell between the
 * server accepting it and the outbox recording that (at most once per kill), then with the same Message-ID. Runs from failsafe after the jar is packaged; the seed is printed, and fixed unless
 * {@code -Dkb.crash.seed} says otherwise.
 */
class CrashIT {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
	private static final Pattern ID = Pattern.compile("/submissions/(\\d+)");
	private static final int ROUNDS = 3;

	@TempDir
	Path dir;

	enum Stage {
		CREATED, SUBMITTED, PUBLISHED
	}

	/** One lesson the workload tried to write: its unique word, form, and what the app acknowledged. */
	static final class Attempt {
		final String word;
		final Map<String, String> fields;
		volatile Long id;
		volatile Stage acknowledged;

		Attempt(String word, String token) {
			this.word = word;
			this.fields = LessonForms.fields("Crash lesson " + word, "What a crash taught us about " + word + ".",
					"## What happened\n\nThe " + word + " system restarted.\n\n## What we learned\n\n"
							+ "Keep writes durable.\n\n## Recommendation\n\nTest it.\n\n## Evidence\n\nThis test.\n");
			fields.put("sector", "police");
			fields.put("formToken", token);
		}

		String title() {
			return fields.get("title");
		}
	}

	/** An invitation the workload sent: to whom, and whether the app acknowledged it. */
	static final class Invitation {
		final String email;
		volatile boolean acknowledged;

		Invitation(String email) {
			this.email = email;
		}
	}

	private final List<Invitation> invitations = new java.util.concurrent.CopyOnWriteArrayList<>();

	@Test
	void acknowledgedWritesSurviveSigkillAndTheIndexStaysClean() throws Exception {
		long seed = Long.getLong("kb.crash.seed", 20261126L);
		System.out.println("CrashIT seed " + seed);
		Random random = new Random(seed);
		List<Attempt> attempts = new ArrayList<>();
		AppProcess app = AppProcess.inFolder(dir, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + uk.interop.kb.support.TestMail.port(), "--kb.mail.lease=3s",
				"--kb.mail.poll-interval=1s", "--kb.mail.retry-initial=1s");
		try {
			for (int round = 1; round <= ROUNDS; round++) {
				app.start();
				check(app, attempts, round);
				retryUnacknowledged(app, attempts);
				AtomicBoolean stop = new AtomicBoolean();
				AtomicReference<Throwable> failure = new AtomicReference<>();
				long workloadSeed = random.nextLong();
				Thread workload = new Thread(() -> {
					try {
						drive(app, attempts, invitations, workloadSeed, stop);
					}
					catch (Throwable ex) {
						failure.set(ex);
					}
				}, "crash-workload");
				workload.start();
				Thread.sleep(1500 + random.nextInt(3000));
				app.kill();
				stop.set(true);
				workload.join(30_000);
				assertThat(failure.get()).as("the workload failed before the kill").isNull();
				System.out.printf("CrashIT round %d: killed after %d attempts, %d acknowledged%n", round,
						attempts.size(), attempts.stream().filter(a -> a.acknowledged != null).count());
			}
			app.start();
			check(app, attempts, ROUNDS + 1);
			checkEmail(app);
			assertThat(app.stop()).as("graceful stop").isIn(0, 143);
		}
		finally {
			app.close();
		}
		assertThat(attempts.stream().filter(a -> a.acknowledged == Stage.PUBLISHED)).as("published in all rounds")
			.isNotEmpty();
		try (FSDirectory index = FSDirectory.open(dir.resolve("index").resolve("lucene")); CheckIndex check = new CheckIndex(index)) {
			assertThat(check.checkIndex().clean).as("CheckIndex").isTrue();
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).as("no index was found damaged")
				.noneMatch(name -> name.startsWith("index.corrupt-"));
		}
	}

	private static WebSession admin(AppProcess app) {
		WebSession web = new WebSession(app.port());
		assertThat(web.signIn("admin", AppProcess.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		return web;
	}

	/** Creates, submits and publishes lessons, and invites people, until the app dies or {@code stop} is set. */
	private static void drive(AppProcess app, List<Attempt> attempts, List<Invitation> invitations, long seed,
			AtomicBoolean stop) {
		Random random = new Random(seed);
		try {
			WebSession web = admin(app);
			while (!stop.get()) {
				if (random.nextBoolean()) {
					Invitation invitation = new Invitation("crash-" + word(random) + "@test.example");
					invitations.add(invitation);
					String form = web.get("/admin/invitations/new").body();
					HttpResponse<String> invited = web.postRaw("/admin/invitations", Map.of("email", invitation.email,
							"role", "MEMBER", "_csrf", WebSession.csrfFrom(form)));
					assertThat(invited.statusCode()).as("invite " + invitation.email).isEqualTo(302);
					invitation.acknowledged = true;
				}
				String page = web.get("/submissions/new").body();
				Attempt attempt = new Attempt(word(random), group(FORM_TOKEN, page));
				synchronized (attempts) {
					attempts.add(attempt);
				}
				Map<String, String> fields = new LinkedHashMap<>(attempt.fields);
				fields.put("_csrf", WebSession.csrfFrom(page));
				HttpResponse<String> created = web.postRaw("/submissions", fields);
				if (created.statusCode() != 302) {
					throw new AssertionError("create answered " + created.statusCode());
				}
				attempt.id = Long.parseLong(group(ID, created.headers().firstValue("Location").orElseThrow()));
				attempt.acknowledged = Stage.CREATED;
				if (random.nextInt(4) == 0) {
					continue;
				}
				String view = web.get("/submissions/" + attempt.id).body();
				HttpResponse<String> submitted = web.postRaw("/submissions/" + attempt.id + "/submit",
						Map.of("version", group(VERSION, view), "_csrf", WebSession.csrfFrom(view)));
				assertThat(submitted.statusCode()).isEqualTo(302);
				attempt.acknowledged = Stage.SUBMITTED;
				if (random.nextInt(3) == 0) {
					continue;
				}
				String review = web.get("/moderation/" + attempt.id).body();
				HttpResponse<String> published = web.postRaw("/moderation/" + attempt.id + "/publish",
						Map.of("version", group(VERSION, review), "noPersonalData", "true", "noSensitiveMaterial",
								"true", "consentToAttribute", "true", "_csrf", WebSession.csrfFrom(review)));
				assertThat(published.statusCode()).isEqualTo(302);
				attempt.acknowledged = Stage.PUBLISHED;
			}
		}
		catch (UncheckedIOException killed) {
			// The connection died with the process: whatever was in flight is unacknowledged.
		}
	}

	/** Posts every form that never got its 302 again, with its original token, as a person pressing retry would. */
	private static void retryUnacknowledged(AppProcess app, List<Attempt> attempts) {
		WebSession web = admin(app);
		for (Attempt attempt : List.copyOf(attempts)) {
			if (attempt.acknowledged != null) {
				continue;
			}
			Map<String, String> fields = new LinkedHashMap<>(attempt.fields);
			fields.put("_csrf", WebSession.csrfFrom(web.get("/submissions/new").body()));
			HttpResponse<String> created = web.postRaw("/submissions", fields);
			assertThat(created.statusCode()).as("retry of " + attempt.title()).isEqualTo(302);
			attempt.id = Long.parseLong(group(ID, created.headers().firstValue("Location").orElseThrow()));
			attempt.acknowledged = Stage.CREATED;
		}
	}

	private static void check(AppProcess app, List<Attempt> attempts, int round) {
		WebSession web = admin(app);
		String mine = web.get("/submissions").body();
		Http http = new Http(app.port());
		for (Attempt attempt : List.copyOf(attempts)) {
			int copies = mine.split(Pattern.quote(attempt.title() + "<"), -1).length - 1;
			String what = "round " + round + ": " + attempt.title() + " acknowledged " + attempt.acknowledged;
			assertThat(copies).as(what + " is never duplicated").isLessThanOrEqualTo(1);
			if (attempt.acknowledged != null) {
				assertThat(copies).as(what + " survived").isEqualTo(1);
				String view = web.get("/submissions/" + attempt.id).body();
				assertThat(view).as(what).contains(attempt.word);
				if (attempt.acknowledged.compareTo(Stage.SUBMITTED) >= 0) {
					assertThat(status(view)).as(what + " status").isIn("Submitted for review", "Published");
				}
			}
			// The status line, not the page: a draft's preview shows a "Published" date row too.
			boolean published = copies == 1 && attempt.id != null
					&& status(web.get("/submissions/" + attempt.id).body()).equals("Published");
			if (attempt.acknowledged == Stage.PUBLISHED) {
				assertThat(published).as(what + " is published").isTrue();
			}
			// Its own title is among the results exactly when it is published (hybrid search also finds the
			// other crash lessons, which read alike: the total is not the check).
			String found = http.get("/api/v1/search?size=100&q=" + attempt.word).body();
			assertThat(found.contains("\"title\":\"Crash lesson " + attempt.word + "\""))
				.as(what + " searchable exactly when published").isEqualTo(published);
		}
	}

	private static final Pattern STATUS = Pattern.compile("Status: <strong[^>]*>([^<]+)</strong>");

	/** A submission page's status, as its status line shows it. */
	private static String status(String view) {
		Matcher status = STATUS.matcher(view);
		assertThat(status.find()).as("the submission page has a status line").isTrue();
		return status.group(1).strip();
	}

		/** Every acknowledged invitation's email arrives; a copy only ever after a kill, with the same Message-ID. */
	private void checkEmail(AppProcess app) throws Exception {
		List<Invitation> acknowledged = invitations.stream().filter(i -> i.acknowledged).toList();
		assertThat(acknowledged).as("invitations acknowledged in all rounds").isNotEmpty();
		for (Invitation invitation : acknowledged) {
			uk.interop.kb.support.TestMail.await(invitation.email, m -> m.subject().contains("invited"),
					java.time.Duration.ofSeconds(60));
		}
		int copies = 0;
		for (Invitation invitation : invitations) {
			List<uk.interop.kb.support.TestMail.Mail> received = uk.interop.kb.support.TestMail.to(invitation.email);
			assertThat(received.size()).as(invitation.email + (invitation.acknowledged ? "" : " (unacknowledged)"))
				.isLessThanOrEqualTo(1 + ROUNDS);
			if (received.size() > 1) {
				assertThat(received.stream().map(m -> header(m, "Message-ID")).distinct()).as("copies of one message")
					.hasSize(1);
				copies += received.size() - 1;
			}
		}
		System.out.printf("CrashIT email: %d invitations (%d acknowledged), %d resent after a kill%n",
				invitations.size(), acknowledged.size(), copies);
		assertThat(copies).as("at most one message in flight per kill").isLessThanOrEqualTo(ROUNDS);
		String link = uk.interop.kb.support.TestMail.to(acknowledged.get(0).email).get(0).link("/register/");
		String path = java.net.URI.create(link).getPath();
		assertThat(link).as("built from kb.base-url").startsWith("http://127.0.0.1:" + app.port() + "/register/");
		assertThat(new Http(app.port()).page(path).statusCode()).as("the invitation link works").isEqualTo(200);
	}

	private static String header(uk.interop.kb.support.TestMail.Mail mail, String name) {
		return mail.header(name).orElse("");
	}

	private static String word(Random random) {
		StringBuilder word = new StringBuilder("zx");
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("No " + pattern + " in the page");
		}
		return matcher.group(1);
	}
}
