package uk.interop.kb.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The harness's settings, from {@code -Dbench.*} system properties (the Maven profile passes them on). */
record BenchConfig(List<Integer> sizes, List<Integer> hybridSizes, long seed, int runs, int seconds, boolean peer, boolean http, String appJvm,
		Path jar, Path projectDir, Path outDir) {

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
				Path.of(System.getProperty("bench.jar", "target/interop-kb.jar")).toAbsolutePath(),
				project, project.resolve("target/bench"));
	}

	private static List<Integer> sizes(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.map(s -> Integer.parseInt(s.replace("_", ""))).toList();
	}

	Path benchDir() {
		return projectDir.resolve("src/bench");
	}

	Path realContent() {
		return projectDir.resolve("content");
	}
}
