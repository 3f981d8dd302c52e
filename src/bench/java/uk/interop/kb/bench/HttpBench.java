package uk.interop.kb.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures 3 and 5 against the real app jar, started as a child process on a loopback port
 * with the generated content: start-up to the first 200 from {@code /actuator/health} with the
 * index already built, {@code wrk} on the JSON API and the HTML page at 1, 8 and 32
 * connections, then heap after a full GC and RSS. The per-client search rate limit is raised
 * for the run (wrk is one client). Every child is stopped before this returns.
 */
final class HttpBench {

	/** G1's heap line: "total 201728K, used 51200K" up to Java 24, "total reserved …K, committed 201728K, used …" from 25. */
	private static final Pattern HEAP = Pattern.compile("total (?:reserved \\d+K, committed )?(\\d+)K, used (\\d+)K");
	private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

	private final BenchConfig config;
	private final Results results;

	HttpBench(BenchConfig config, Results results) {
		this.config = config;
		this.results = results;
	}

	/**
	 * Which app is measured: lexical-only (every measure) or hybrid (start-up and the JSON API at 8
	 * connections, beside the lexical figures).
	 */
	enum Variant {
		LEXICAL(""), HYBRID("hybrid ");

		final String label;

		Variant(String label) {
			this.label = label;
		}
	}

	/** The JSON API at 8 connections: requests per second and the app's CPU per request; NaN without wrk. */
	record Json8(double rps, double cpuMillis, double requestThreadMillis) {
	}

	Json8 run(int size, Path corpus, Path indexDir, Path dataDir, List<QueryMix.Query> mix, Variant variant)
			throws Exception {
		if (!Files.isRegularFile(config.jar())) {
			throw new IllegalStateException("No app jar at " + config.jar() + ": run ./mvnw -Pbench verify");
		}
		Path log = config.outDir().resolve("app-" + size + (variant == Variant.HYBRID ? "-hybrid" : "") + ".log");
		// The first start checks the index against the files (nothing to do) and creates the database.
		App first = App.start(config, Launch.jar(config), corpus, indexDir, dataDir, log, variant);
		first.stop();
		double[] plain = new double[3];
		double[] plainCpu = new double[3];
		for (int r = 0; r < plain.length; r++) {
			App app = App.start(config, Launch.jar(config), corpus, indexDir, dataDir, log, variant);
			plain[r] = app.readyMillis;
			plainCpu[r] = app.readyCpuMillis;
			app.stop();
		}
		results.add(size, "start-up", variant.label + "java -jar: process start to first 200 /actuator/health (median of 3)",
				Stats.median(plain), "ms");
		results.add(size, "start-up", variant.label + "java -jar: CPU used by the app until ready (median of 3)",
				Stats.median(plainCpu), "ms");
		// The production command of the README: the extracted jar with a class-data archive from a training run.
		Launch fast = Launch.fast(config, corpus, indexDir, dataDir, log, variant);
		double[] startups = new double[3];
		double[] cpus = new double[3];
		for (int r = 0; r < startups.length; r++) {
			App app = App.start(config, fast, corpus, indexDir, dataDir, log, variant);
			startups[r] = app.readyMillis;
			cpus[r] = app.readyCpuMillis;
			if (r < startups.length - 1) {
				app.stop();
				continue;
			}
			results.add(size, "start-up", variant.label + fast.label() + ": process start to first 200 /actuator/health (median of 3)",
					Stats.median(startups), "ms", Targets.startup(size), true);
			results.add(size, "start-up", variant.label + fast.label() + ": CPU used by the app until ready (median of 3)",
					Stats.median(cpus), "ms");
			try {
				return variant == Variant.HYBRID ? measureJson8(size, app, mix) : measure(size, app, mix);
			}
			finally {
				app.stop();
			}
		}
		throw new IllegalStateException();
	}

	private Json8 measureJson8(int size, App app, List<QueryMix.Query> mix) throws Exception {
		if (!Wrk.available()) {
			return new Json8(Double.NaN, Double.NaN, Double.NaN);
		}
		Path api = paths(mix, "/api/v1/search?", size, "api");
		Wrk.run(config, app.port, api, 2, 8, config.seconds());
		long cpu0 = ProcessCpu.ofTree(app.pid());
		Wrk.Result r = Wrk.run(config, app.port, api, 2, 8, config.seconds());
		double cpuPerRequest = (ProcessCpu.ofTree(app.pid()) - cpu0) / 1e6 / (r.rps() * r.seconds());
		String name = "hybrid JSON /api/v1/search, 8 conn";
		results.add(size, "http", name + ": requests/s", r.rps(), "req/s");
		results.add(size, "http", name + ": p50", r.p50Ms(), "ms");
		results.add(size, "http", name + ": p99", r.p99Ms(), "ms");
		results.add(size, "http", name + ": app CPU per request", cpuPerRequest, "ms");
		if (r.errors() > 0) {
			results.add(size, "http", name + ": non-2xx or socket errors", r.errors(), "count");
		}
		return new Json8(r.rps(), cpuPerRequest, Double.NaN);
	}

	private Json8 measure(int size, App app, List<QueryMix.Query> mix) throws Exception {
		heap(size, app, "after start-up");
		results.machine("app JVM flags (jcmd VM.flags, " + size + ")",
				Jcmd.run(config, app.pid(), "VM.flags").lines().skip(1).findFirst().orElse("?").strip());
		if (!Wrk.available()) {
			System.out.println("  wrk is not installed (apt-get install wrk): HTTP throughput not measured");
			return new Json8(Double.NaN, Double.NaN, Double.NaN);
		}
		Path api = paths(mix, "/api/v1/search?", size, "api");
		Path html = paths(mix, "/search?", size, "html");
		checkSessions(app);
		// Warm-up as long as a measured run: the app JVM is fresh, and at 100k each request is slow
		// enough that the JIT compiler is still busy after a few seconds.
		// The JSON API gets three times as long: its 8-connection run is the one set against a target.
		Wrk.run(config, app.port, html, 2, 8, config.seconds());
		Wrk.run(config, app.port, api, 2, 8, 3 * config.seconds());
		Map<String, Long> warm = ProcessCpu.byThread(app.pid());
		Json8 json8 = new Json8(Double.NaN, Double.NaN, Double.NaN);
		for (var endpoint : List.of(Map.entry("JSON /api/v1/search", api), Map.entry("HTML /search", html))) {
			for (int connections : new int[] { 1, 8, 32 }) {
				long cpu0 = ProcessCpu.ofTree(app.pid());
				Map<String, Long> threads0 = ProcessCpu.byThread(app.pid());
				Wrk.Result r = Wrk.run(config, app.port, endpoint.getValue(), Math.min(2, connections), connections,
						config.seconds());
				double requests = r.rps() * r.seconds();
				double cpuPerRequest = (ProcessCpu.ofTree(app.pid()) - cpu0) / 1e6 / requests;
				double requestThreads = (ProcessCpu.byThread(app.pid()).getOrDefault("request threads", 0L)
						- threads0.getOrDefault("request threads", 0L)) / 1e6 / requests;
				String name = endpoint.getKey() + ", " + connections + " conn";
				boolean json = endpoint.getKey().startsWith("JSON");
				if (json && connections == 8) {
					results.add(size, "http", name + ": requests/s", r.rps(), "req/s", Targets.httpJson8(size), false);
					json8 = new Json8(r.rps(), cpuPerRequest, requestThreads);
					results.add(size, "http", name + ": request threads' CPU per request (JIT and GC excluded)",
							requestThreads, "ms");
				}
				else {
					results.add(size, "http", name + ": requests/s", r.rps(), "req/s");
				}
				results.add(size, "http", name + ": p50", r.p50Ms(), "ms");
				results.add(size, "http", name + ": p99", r.p99Ms(), "ms");
				results.add(size, "http", name + ": app CPU per request", cpuPerRequest, "ms");
				if (r.errors() > 0) {
					results.add(size, "http", name + ": non-2xx or socket errors", r.errors(), "count");
				}
			}
		}
		heap(size, app, "after the HTTP runs");
		Map<String, Long> after = ProcessCpu.byThread(app.pid());
		long total = after.values().stream().mapToLong(Long::longValue).sum()
				- warm.values().stream().mapToLong(Long::longValue).sum();
		for (String group : List.of("request threads", "JIT compiler", "GC", "other")) {
			long used = after.getOrDefault(group, 0L) - warm.getOrDefault(group, 0L);
			results.add(size, "http", "app CPU in the measured runs: " + group, 100.0 * used / Math.max(1, total), "%");
		}
		return json8;
	}

	/** The HTML page must not open a session per anonymous request, or the heap figure is about sessions. */
	private void checkSessions(App app) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + "/search?q=data")).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/search answered " + response.statusCode());
		}
		response.headers().allValues("set-cookie").forEach(c -> System.out.println("  note: /search sets " + c));
	}

	private void heap(int size, App app, String when) throws Exception {
		Jcmd.run(config, app.pid(), "GC.run");
		String info = Jcmd.run(config, app.pid(), "GC.heap_info");
		Matcher m = HEAP.matcher(info);
		if (m.find()) {
			Double target = when.startsWith("after the HTTP") ? Targets.heapMb(size) : null;
			results.add(size, "memory", "heap used after full GC, " + when, Long.parseLong(m.group(2)) / 1024.0, "MB",
					target, true);
			results.add(size, "memory", "heap committed, " + when, Long.parseLong(m.group(1)) / 1024.0, "MB");
		}
		long rssKb = settledRssKb(app);
		if (rssKb >= 0) {
			results.add(size, "memory", "RSS, " + when, rssKb / 1024.0, "MB");
		}
	}

	/**
	 * RSS once G1 has given back what the full GC freed: it uncommits the shrunk heap concurrently
	 * (since Java 17), so a reading straight after {@code GC.run} lands anywhere between the heap's size
	 * under load and after the collection. Waits (at most 10 s) until two readings 500 ms apart agree within 1 MB.
	 */
	private static long settledRssKb(App app) throws Exception {
		long previous = rssKb(app);
		for (int i = 0; i < 20 && previous >= 0; i++) {
			Thread.sleep(500);
			long now = rssKb(app);
			if (Math.abs(previous - now) <= 1024) {
				return now;
			}
			previous = now;
		}
		return previous;
	}

	private static long rssKb(App app) throws IOException {
		Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + app.pid() + "/status")));
		return rss.find() ? Long.parseLong(rss.group(1)) : -1;
	}

	private Path paths(List<QueryMix.Query> mix, String prefix, int size, String name) throws IOException {
		StringBuilder lines = new StringBuilder();
		mix.forEach(q -> lines.append(prefix).append(q.queryString()).append('\n'));
		Path file = config.outDir().resolve("paths-" + name + ".txt");
		Files.writeString(file, lines);
		return file;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * How the app is started: {@code java -jar} on the fat jar, or as the README's production command,
	 * the extracted jar layout with a class-data archive written by a training run that stops once the
	 * context has refreshed ({@code spring.context.exit=onRefresh}): a CDS archive on Java 17 to 24, the
	 * AOT cache (JEP 483, trained in one step by JEP 514, with method profiles by JEP 515) on 25 and later.
	 */
	record Launch(String label, List<String> jvmArguments) {

		static Launch jar(BenchConfig config) {
			return new Launch("java -jar", List.of("-jar", config.jar().toString()));
		}

		static Launch fast(BenchConfig config, Path corpus, Path indexDir, Path dataDir, Path log, Variant variant)
				throws Exception {
			Path app = config.outDir().resolve("app");
			Path extracted = app.resolve(config.jar().getFileName());
			if (!Files.isRegularFile(extracted)
					|| Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(config.jar())) < 0) {
				CorpusGenerator.deleteTree(app);
				exec(log, "java", "-Djarmode=tools", "-jar", config.jar().toString(), "extract", "--destination",
						app.toString());
				Files.setLastModifiedTime(extracted, Files.getLastModifiedTime(config.jar()));
			}
			boolean aotCache = config.appJavaVersion() >= 25;
			Path archive = app.resolve(aotCache ? "kb.aot" : "kb.jsa");
			Files.deleteIfExists(archive);
			List<String> training = new ArrayList<>(List.of(config.appJava()));
			// The same JVM options as the measured starts: an AOT cache trained with others may be refused.
			if (!config.appJvm().isBlank()) {
				training.addAll(List.of(config.appJvm().split("\\s+")));
			}
			training.addAll(List.of((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive,
					"-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
			training.addAll(List.of("--kb.content-dir=" + corpus, "--kb.index-dir=" + indexDir,
					"--kb.data-dir=" + dataDir, "--server.port=0", "--kb.base-url=http://127.0.0.1",
					"--server.address=127.0.0.1", "--spring.main.banner-mode=off",
					"--kb.search.semantic.enabled=" + (variant == Variant.HYBRID)));
			exec(log, training.toArray(String[]::new));
			if (!Files.isRegularFile(archive)) {
				throw new IllegalStateException("The training run wrote no archive at " + archive + "; see " + log);
			}
			return new Launch(aotCache ? "extracted + AOT cache" : "extracted + CDS",
					List.of((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive, "-jar",
							extracted.toString()));
		}

		private static void exec(Path log, String... command) throws Exception {
			Process process = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
			if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("Failed: " + String.join(" ", command) + "; see " + log);
			}
		}
	}

	/** The app jar running as a child process. */
	static final class App {
		final Process process;
		final int port;
		final double readyMillis;
		final double readyCpuMillis;

		private App(Process process, int port, double readyMillis, double readyCpuMillis) {
			this.process = process;
			this.port = port;
			this.readyMillis = readyMillis;
			this.readyCpuMillis = readyCpuMillis;
		}

		long pid() {
			return process.pid();
		}

		static App start(BenchConfig config, Launch launch, Path corpus, Path indexDir, Path dataDir, Path log,
				Variant variant) throws Exception {
			int port = freePort();
			List<String> command = new ArrayList<>(List.of(config.appJava()));
			if (!config.appJvm().isBlank()) {
				command.addAll(List.of(config.appJvm().split("\\s+")));
			}
			command.addAll(launch.jvmArguments());
			command.addAll(List.of("--kb.content-dir=" + corpus,
					"--kb.index-dir=" + indexDir, "--kb.data-dir=" + config.outDir().relativize(dataDir),
					"--server.port=" + port, "--kb.base-url=http://127.0.0.1:" + port,
					"--server.address=127.0.0.1", "--kb.search.searches-per-minute=1000000",
					"--kb.search.burst=1000000", "--spring.main.banner-mode=off",
					"--kb.search.semantic.enabled=" + (variant == Variant.HYBRID)));
			// Run in target/bench with a relative data folder, as an operator's KB_DATA_DIR=data would be:
			// the app resolves it against its working directory at start-up.
			ProcessBuilder builder = new ProcessBuilder(command).directory(config.outDir().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			// No KB_ADMIN_PASSWORD: the first start creates the administrator with a logged one-time password.
			builder.environment().remove("KB_ADMIN_PASSWORD");
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
			HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(2)).build();
			long t0 = System.nanoTime();
			Process process = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
			long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The app exited with " + process.exitValue() + "; see " + log);
				}
				try {
					if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return new App(process, port, (System.nanoTime() - t0) / 1e6,
								ProcessCpu.ofTree(process.pid()) / 1e6);
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(10);
			}
			process.destroyForcibly();
			throw new IllegalStateException("The app was not ready within 10 minutes; see " + log);
		}

		void stop() throws InterruptedException {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	/** {@code wrk} with the mix script; bounded by its duration. */
	static final class Wrk {
		record Result(double rps, double p50Ms, double p99Ms, long errors, double seconds) {
		}

		static boolean available() {
			return Files.isExecutable(Path.of("/usr/bin/wrk")) || Files.isExecutable(Path.of("/usr/local/bin/wrk"));
		}

		static Result run(BenchConfig config, int port, Path paths, int threads, int connections, int seconds)
				throws Exception {
			Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
					"--timeout", "10s", "-s", config.benchDir().resolve("resources/mix.lua").toString(),
					"http://127.0.0.1:" + port, "--", paths.toString())
				.redirectErrorStream(true).start();
			String out = new String(wrk.getInputStream().readAllBytes());
			if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
				wrk.destroyForcibly();
				throw new IllegalStateException("wrk failed: " + out);
			}
			Map<String, String> v = new HashMap<>();
			out.lines().filter(l -> l.startsWith("BENCH ")).findFirst().orElseThrow(() -> new IllegalStateException(out))
				.substring(6).lines().flatMap(l -> java.util.Arrays.stream(l.split(" "))).forEach(kv -> {
					String[] p = kv.split("=", 2);
					v.put(p[0], p[1]);
				});
			double seconds2 = Long.parseLong(v.get("duration_us")) / 1e6;
			long errors = Long.parseLong(v.get("status_errors")) + Long.parseLong(v.get("connect_errors"))
					+ Long.parseLong(v.get("read_errors")) + Long.parseLong(v.get("write_errors"))
					+ Long.parseLong(v.get("timeouts"));
			return new Result(Long.parseLong(v.get("requests")) / seconds2, Long.parseLong(v.get("p50_us")) / 1000.0,
					Long.parseLong(v.get("p99_us")) / 1000.0, errors, seconds2);
		}
	}

	/** {@code jcmd} of the app's JDK (beside {@code bench.app-java} when that is a path), else the harness's. */
	static final class Jcmd {
		static String run(BenchConfig config, long pid, String command) throws Exception {
			Path appJava = Path.of(config.appJava());
			Path jcmd = appJava.getParent() != null ? appJava.resolveSibling("jcmd")
					: Path.of(System.getProperty("java.home"), "bin", "jcmd");
			Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid),
					command).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes());
			p.waitFor(60, TimeUnit.SECONDS);
			return out;
		}
	}
}
