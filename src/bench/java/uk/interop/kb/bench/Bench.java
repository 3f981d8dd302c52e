package uk.interop.kb.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import uk.interop.kb.cli.Commands;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/**
 * The benchmark harness of docs/performance.md. For each corpus size: generate (or reuse) the
 * synthetic corpus, measure in-process, over HTTP against the app jar, and on the PostgreSQL
 * peer; print a table as it goes and write {@code target/bench/results.json} and {@code .csv}.
 * Run it with {@code ./mvnw -Pbench verify} (sizes with {@code -Dbench.sizes=10000}).
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		BenchConfig config = BenchConfig.fromSystemProperties();
		Files.createDirectories(config.outDir());
		Results results = new Results();
		long started = System.nanoTime();
		System.out.println("Interop KB benchmark: sizes " + config.sizes() + ", seed " + config.seed());
		machine(results, config);
		List<QueryMix.Query> mix = QueryMix.load(config.benchDir());
		CorpusGenerator generator = new CorpusGenerator(config.realContent(), config.seed());
		results.machine("vocabulary", generator.vocabularySize() + " words (real content first, then filler)");
		results.machine("query mix", mix.size() + " searches (24 queries x 0, 1, 3 filters), page size "
				+ QueryMix.PAGE_SIZE);
		validateSample(generator, config);
		results.machine("load average at start", loadAverage());
		try {
			for (int size : config.sizes()) {
				runSize(size, config, results, mix, generator);
				results.write(config.outDir());
			}
		}
		finally {
			results.write(config.outDir());
		}
		System.out.printf("%nDone in %.0f s. Results: %s and results.csv%n", (System.nanoTime() - started) / 1e9,
				config.outDir().resolve("results.json"));
		System.exit(0);
	}

	private static void runSize(int size, BenchConfig config, Results results, List<QueryMix.Query> mix,
			CorpusGenerator generator) throws Exception {
		results.header(size + " documents");
		System.out.println("  load average before: " + loadAverage());
		Path corpus = config.outDir().resolve("corpus-" + size);
		// Each is what the app takes as kb.index-dir: the Lucene index is in its lucene/ folder.
		Path indexDir = config.outDir().resolve("index-" + size);
		Path hybridIndexDir = config.outDir().resolve("index-" + size + "-hybrid");
		Path dataDir = config.outDir().resolve("data-" + size);
		long t0 = System.nanoTime();
		boolean written = generator.writeCorpus(corpus, size);
		if (written) {
			results.add(size, "corpus", "generated in", (System.nanoTime() - t0) / 1e9, "s");
		}
		results.add(size, "corpus", "size of the Markdown files", InProcessBench.directorySize(corpus) / 1e6, "MB");

		InProcessBench.Figures ours = new InProcessBench(config, results).run(size, corpus,
				indexDir.resolve("lucene"), mix, generator);
		boolean hybrid = config.hybridSizes().contains(size);
		double hybridCpu = Double.NaN;
		if (hybrid) {
			Taxonomy taxonomy = new TaxonomyLoader().load(corpus.resolve("taxonomy"));
			hybridCpu = new HybridBench(config, results).run(size, corpus, hybridIndexDir, taxonomy,
					new ContentLoader(corpus, taxonomy, new MarkdownRenderer()), mix);
		}
		if (config.http()) {
			CorpusGenerator.deleteTree(dataDir);
			HttpBench http = new HttpBench(config, results);
			HttpBench.Json8 lexical = http.run(size, corpus, indexDir, dataDir, mix, HttpBench.Variant.LEXICAL);
			results.add(size, "http", "app CPU per JSON request beyond the search itself (8 conn)",
					lexical.cpuMillis() - ours.cpu().mean(), "ms", Targets.beyondSearch(size), true);
			results.add(size, "http", "request threads' CPU per JSON request beyond the search itself (8 conn; JIT and GC excluded)",
					lexical.requestThreadMillis() - ours.cpu().mean(), "ms");
			if (hybrid && !Double.isNaN(hybridCpu)) {
				Path hybridData = config.outDir().resolve("data-" + size + "-hybrid");
				CorpusGenerator.deleteTree(hybridData);
				HttpBench.Json8 both = http.run(size, corpus, hybridIndexDir, hybridData, mix, HttpBench.Variant.HYBRID);
				results.add(size, "http", "hybrid: app CPU per JSON request beyond the search itself (8 conn)",
						both.cpuMillis() - hybridCpu, "ms");
			}
		}
		if (config.peer()) {
			if (!PostgresPeer.available()) {
				System.out.println("  PostgreSQL 15 is not installed (apt-get install postgresql): peer skipped");
				return;
			}
			new PeerBench(config, results).run(size, corpus, mix, ours);
		}
		System.out.println("  load average after: " + loadAverage());
	}

	/** Other work on the machine skews every figure: the load average is printed around each size. */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

	/** A small sample from the same generator must pass the real {@code validate} command with no problem at all. */
	private static void validateSample(CorpusGenerator generator, BenchConfig config) throws Exception {
		Path sample = config.outDir().resolve("validate-sample");
		CorpusGenerator.deleteTree(sample);
		generator.writeCorpus(sample, 300);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = Commands.validate(sample, new PrintStream(out, true, StandardCharsets.UTF_8));
		String report = out.toString(StandardCharsets.UTF_8);
		if (exit != 0 || !report.strip().endsWith("300 documents, 0 problems (0 failing)")) {
			throw new IllegalStateException("The generated sample does not validate cleanly:\n" + report);
		}
		System.out.println("  validate on a 300-document sample: " + report.strip());
	}

	private static void machine(Results results, BenchConfig config) throws Exception {
		results.machine("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
		results.machine("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
			.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", "")).orElse("?"));
		results.machine("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
		results.machine("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		results.machine("app java (bench.app-java)", config.appJava() + ", Java " + config.appJavaVersion());
		List<String> flags = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
		flags.removeIf(f -> f.startsWith("-Dbench."));
		results.machine("harness JVM flags", String.join(" ", flags));
		results.machine("app JVM flags", config.appJvm().isBlank() ? "(JVM defaults)" : config.appJvm());
		results.machine("max heap (harness)", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
	}
}
