package uk.interop.kb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jar ({@code target/interop-kb.jar}) running as a child process on a free loopback port,
 * for tests that kill it, restart it or run two of it. Each start appends its output to
 * {@code log}. Only ever bound to 127.0.0.1.
 */
public final class AppProcess implements AutoCloseable {

	public static final Path JAR = Path.of("target/interop-kb.jar");
	public static final String ADMIN_PASSWORD = "crash test lantern orchard 42";

	private final List<String> arguments;
	private final Map<String, String> environment;
	private final Path log;
	private final int port;
	private Process process;

	/** {@code settings} are {@code --name=value} arguments; the port and loopback address are added. */
	public AppProcess(Path log, Map<String, String> environment, String... settings) {
		this.port = freePort();
		this.log = log;
		this.environment = Map.copyOf(environment);
		this.arguments = new ArrayList<>(List.of("-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--kb.base-url=http://127.0.0.1:" + port,
				"--spring.main.banner-mode=off"));
		arguments.addAll(List.of(settings));
	}

	/** JVM options: by default tuned for starting fast (the crash test starts it often), not for throughput. */
	private List<String> jvmOptions = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

	public AppProcess jvm(String... options) {
		this.jvmOptions = List.of(options);
		return this;
	}

	/** Passage vectors are cached by document hash, so every test app can share one cache. */
	public static final String SHARED_EMBEDDINGS = "--kb.search.semantic.cache-dir="
			+ Path.of("target/test-embeddings").toAbsolutePath();

	/** The usual temp-folder app: real content, and the index and default H2 database under {@code dir}. */
	public static AppProcess inFolder(Path dir, String... extra) {
		List<String> settings = new ArrayList<>(List.of("--kb.content-dir=" + Path.of("content").toAbsolutePath(),
				"--kb.index-dir=" + dir.resolve("index").toAbsolutePath(),
				"--kb.data-dir=" + dir.resolve("data").toAbsolutePath(), SHARED_EMBEDDINGS,
				// Tests search far faster than people; the limiter has its own tests.
				"--kb.search.searches-per-minute=1000000", "--kb.search.burst=1000000"));
		settings.addAll(List.of(extra));
		return new AppProcess(dir.resolve("app.log"), Map.of("KB_ADMIN_PASSWORD", ADMIN_PASSWORD),
				settings.toArray(String[]::new));
	}

	public int port() {
		return port;
	}

	public Path log() {
		return log;
	}

	/** Starts the jar and waits until it reports ready; fails with the log's tail if it does not within a minute. */
	public AppProcess start() {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing: run the integration tests with ./mvnw verify");
		}
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Files.writeString(log, "\n--- start " + Instant.now() + "\n", java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			List<String> command = new ArrayList<>();
			command.add(javaBinary());
			command.addAll(jvmOptions);
			command.addAll(arguments);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			builder.environment().remove("KB_TEST_POSTGRES_URL");
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Http http = new Http(port);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The app exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				HttpResponse<String> ready = http.get("/actuator/health/readiness");
				if (ready.statusCode() == 200) {
					return this;
				}
			}
			catch (UncheckedIOException notYet) {
				// Not listening yet.
			}
			sleep(200);
		}
		throw new IllegalStateException("The app did not become ready:\n" + tail());
	}

	/** SIGKILL: no shutdown hook, no final commit, exactly like a crash. */
	public void kill() {
		process.destroyForcibly();
		waitForExit();
	}

	/** SIGTERM: a graceful stop, which commits the index. */
	public int stop() {
		process.destroy();
		return waitForExit();
	}

	public boolean running() {
		return process != null && process.isAlive();
	}

	private int waitForExit() {
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (running()) {
			kill();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
