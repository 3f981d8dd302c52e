package uk.interop.kb.load;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.support.AppProcess;
import uk.interop.kb.support.LessonForms;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load test, not part of {@code ./mvnw verify}: {@code ./mvnw -Pload verify} builds the
 * jar, starts it on a loopback port, and runs 32 clients for 60 seconds (-Dkb.load.clients,
 * -Dkb.load.seconds), after a 15-second warm-up, mixing searches (pages and API), document pages and new submissions through
 * the real form. It then checks there was no 5xx and that every acknowledged submission exists
 * exactly once, and writes latency percentiles to {@code target/load-report.md}.
 */
class LoadCheck {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
	private static final Pattern DOCUMENT = Pattern.compile("\"url\":\"(/documents/[^\"]+)\"");
	private static final List<String> WORDS = List.of("police", "health", "data", "sharing", "records", "standards",
			"custody", "interface", "culture", "governance", "identity", "radio", "ambulance", "court", "probation");
	private static final List<String> FILTERS = List.of("", "&level=semantic", "&level=organisational",
			"&theme=data-quality", "&type=lesson", "&level=semantic&level=structural");

	enum Kind {
		SEARCH_PAGE, SEARCH_API, DOCUMENT, SUBMISSION
	}

	@TempDir
	Path dir;

	@Test
	void thirtyTwoClientsForAMinute() throws Exception {
		int clients = Integer.getInteger("kb.load.clients", 32);
		int seconds = Integer.getInteger("kb.load.seconds", 60);
		int warmUp = Integer.getInteger("kb.load.warmup", 15);
		AppProcess app = AppProcess.inFolder(dir, "--kb.accounts.source-failure-limit=10000").jvm("-Xmx1g").start();
		Map<Kind, List<Long>> latencies = fresh();
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
		List<String> documents;
		try {
			WebSession probe = new WebSession(app.port());
			documents = new ArrayList<>();
			Matcher found = DOCUMENT.matcher(probe.getJson("/api/v1/search?size=50").body());
			while (found.find()) {
				documents.add(found.group(1));
			}
			assertThat(documents).isNotEmpty();

			// Warm-up: the same mix, not measured, so the figures are of a JIT-compiled app.
			run(app, clients, warmUp, documents, fresh(), new ConcurrentHashMap<>(), acknowledged, 0);
			run(app, clients, seconds, documents, latencies, statuses, acknowledged, 1);

			WebSession admin = new WebSession(app.port());
			admin.signIn("admin", AppProcess.ADMIN_PASSWORD);
			String mine = admin.get("/submissions").body();
			List<String> lost = new ArrayList<>();
			List<String> duplicated = new ArrayList<>();
			for (String title : acknowledged) {
				int copies = mine.split(Pattern.quote(title + "<"), -1).length - 1;
				if (copies == 0) {
					lost.add(title);
				}
				else if (copies > 1) {
					duplicated.add(title);
				}
			}
			String report = report(clients, seconds, latencies, statuses, acknowledged.size(), lost, duplicated);
			System.out.println(report);
			Files.writeString(Path.of("target/load-report.md"), report);

			assertThat(statuses.keySet()).as("status codes").allMatch(status -> status < 500);
			assertThat(lost).as("lost submissions").isEmpty();
			assertThat(duplicated).as("duplicated submissions").isEmpty();
		}
		finally {
			app.stop();
		}
	}

	private static Map<Kind, List<Long>> fresh() {
		Map<Kind, List<Long>> latencies = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			latencies.put(kind, java.util.Collections.synchronizedList(new ArrayList<>()));
		}
		return latencies;
	}

	private static void run(AppProcess app, int clients, int seconds, List<String> documents,
			Map<Kind, List<Long>> latencies, Map<Integer, AtomicInteger> statuses, List<String> acknowledged,
			int phase) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			long seed = 1000L * (phase + 1) + c;
			int client = phase * 100 + c;
			running.add(pool.submit(() -> {
				client(app, new Random(seed), client, deadline, documents, latencies, statuses, acknowledged);
				return null;
			}));
		}
		for (Future<?> client : running) {
			client.get(seconds + 120L, TimeUnit.SECONDS);
		}
		pool.shutdown();
	}

	private static void client(AppProcess app, Random random, int client, long deadline, List<String> documents,
			Map<Kind, List<Long>> latencies, Map<Integer, AtomicInteger> statuses, List<String> acknowledged) {
		WebSession web = new WebSession(app.port());
		assertThat(web.signIn("admin", AppProcess.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		int made = 0;
		while (System.nanoTime() < deadline) {
			int roll = random.nextInt(100);
			long start = System.nanoTime();
			Kind kind;
			HttpResponse<String> response;
			if (roll < 40) {
				kind = Kind.SEARCH_PAGE;
				response = web.get("/search?q=" + WORDS.get(random.nextInt(WORDS.size()))
						+ FILTERS.get(random.nextInt(FILTERS.size())));
			}
			else if (roll < 65) {
				kind = Kind.SEARCH_API;
				response = web.getJson("/api/v1/search?q=" + WORDS.get(random.nextInt(WORDS.size()))
						+ FILTERS.get(random.nextInt(FILTERS.size())));
			}
			else if (roll < 90) {
				kind = Kind.DOCUMENT;
				response = web.get(documents.get(random.nextInt(documents.size())));
			}
			else {
				kind = Kind.SUBMISSION;
				String page = web.get("/submissions/new").body();
				String title = String.format(Locale.ROOT, "Load lesson %03d-%04d", client, made++);
				Map<String, String> fields = LessonForms.fields(title, "Written under load.", "## What happened\n\nLoad.\n");
				fields.put("_csrf", WebSession.csrfFrom(page));
				Matcher token = FORM_TOKEN.matcher(page);
				fields.put("formToken", token.find() ? token.group(1) : "");
				response = web.postRaw("/submissions", fields);
				if (response.statusCode() == 302) {
					acknowledged.add(title);
				}
			}
			latencies.get(kind).add(System.nanoTime() - start);
			statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
		}
	}

	private static String report(int clients, int seconds, Map<Kind, List<Long>> latencies,
			Map<Integer, AtomicInteger> statuses, int submissions, List<String> lost, List<String> duplicated) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%d clients, %d s, loopback; statuses %s; %d submissions acknowledged (warm-up "
				+ "included), %d lost, %d duplicated%n%n", clients, seconds, new java.util.TreeMap<>(statuses), submissions,
				lost.size(), duplicated.size()));
		out.append("| request | count | per second | p50 ms | p95 ms | p99 ms | max ms |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|\n");
		List<Long> all = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			List<Long> values = new ArrayList<>(latencies.get(kind));
			all.addAll(values);
			out.append(row(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), values, seconds));
		}
		out.append(row("all", all, seconds));
		return out.toString();
	}

	private static String row(String name, List<Long> nanos, int seconds) {
		if (nanos.isEmpty()) {
			return "| " + name + " | 0 | | | | | |\n";
		}
		List<Long> sorted = new ArrayList<>(nanos);
		sorted.sort(null);
		return String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f |%n", name, sorted.size(),
				sorted.size() / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
				sorted.get(sorted.size() - 1) / 1e6);
	}

	private static double ms(List<Long> sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
