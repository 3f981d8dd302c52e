package uk.interop.kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The harness's settings, from {@code -Dbench.*} system properties (the Maven profile passes them on). */
/**
 * {@code reuseIndex}: keep an index an earlier run built for the same corpus (checked by a sync that must find
 * every document unchanged) instead of building it again; the build figures are then not measured.
 */
record BenchConfig(List<Integer> sizes, List<Integer> hybridSizes, long seed, int runs, int seconds, boolean peer, boolean http, String appJvm,
		String appJava, Path jar, Path projectDir, Path outDir, boolean reuseIndex) {

	static BenchConfig fromSystemProperties() {
		Path project = Path.of(System.getProperty("bench.project", ".")).toAbsolutePath().normalize();
		return new BenchConfig(sizes(System.getProperty("bench.sizes", "10000,100000")),
				sizes(System.getProperty("bench.hybrid-sizes", "10000")),
				Long.parseLong(System.getProperty("bench.seed", "20260427")),
				Integer.parseInt(System.getProperty("bench.runs", "5")),
				Integer.parseInt(System.getProperty("bench.seconds", "10")),
				Boolean.parseBoolean(System.getProperty("bench.peer", "true")),
				Boolean.parseBoolean(System.getProperty("bench.http", "true")),
				System.getProperty("bench.app-jvm", "").strip(),
				System.getProperty("bench.app-java", "java").strip(),
				Path.of(System.getProperty("bench.jar", "target/interop-kb.jar")).toAbsolutePath(),
				project, project.resolve("target/bench"),
				Boolean.parseBoolean(System.getProperty("bench.reuse-index", "false")));
	}

	private static List<Integer> sizes(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.map(s -> Integer.parseInt(s.replace("_", ""))).toList();
	}

	/** The app JVM's feature version (17, 25, ...), asked of {@code appJava} itself. */
	int appJavaVersion() {
		try {
			Process p = new ProcessBuilder(appJava, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor();
			Matcher m = Pattern.compile("java\\.specification\\.version = (\\d+)").matcher(out);
			if (!m.find()) {
				throw new IllegalStateException("Cannot tell the version of " + appJava + ":\n" + out);
			}
			return Integer.parseInt(m.group(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("bench.app-java=" + appJava + " cannot be run", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Path benchDir() {
		return projectDir.resolve("src/bench");
	}

	Path realContent() {
		return projectDir.resolve("content");
	}
}
