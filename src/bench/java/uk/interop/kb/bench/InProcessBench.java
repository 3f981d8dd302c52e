package uk.interop.kb.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import uk.interop.kb.content.ContentFile;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.BareLucene;
import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.SearchResults;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/**
 * Measures 1, 2 and 4 through the application's own classes in this JVM: the index build from
 * the files on disk, the no-change start-up check, search with facets and snippets (and the
 * same search on a bare IndexSearcher), throughput, and the publish-to-searchable delay.
 */
final class InProcessBench {

	private final BenchConfig config;
	private final Results results;

	InProcessBench(BenchConfig config, Results results) {
		this.config = config;
		this.results = results;
	}

	/** What the PostgreSQL comparison needs from this side. */
	record Figures(Stats latency, Stats cpu, double throughput1, double throughput8, double cpu8) {
	}

	Figures run(int size, Path corpus, Path indexDir, List<QueryMix.Query> mix, CorpusGenerator generator)
			throws Exception {
		Taxonomy taxonomy = new TaxonomyLoader().load(corpus.resolve("taxonomy"));
		ContentLoader loader = new ContentLoader(corpus, taxonomy, new MarkdownRenderer());
		if (config.reuseIndex() && java.nio.file.Files.isDirectory(indexDir)) {
			reuse(size, indexDir, taxonomy, loader);
		}
		else {
			build(size, indexDir, taxonomy, loader);
		}
		return measure(size, indexDir, taxonomy, loader, mix, generator);
	}

	/** The index an earlier run built, if it holds exactly this corpus; its build is not measured again. */
	private void reuse(int size, Path indexDir, Taxonomy taxonomy, ContentLoader loader) throws java.io.IOException {
		try (SearchIndex index = new SearchIndex(indexDir, taxonomy)) {
			long t0 = System.nanoTime();
			ContentIndexer.SyncReport again = new ContentIndexer(index, loader, taxonomy.fingerprint()).sync();
			double sync = (System.nanoTime() - t0) / 1e6;
			if (again.rebuilt() || again.unchanged() != size) {
				throw new IllegalStateException("bench.reuse-index: the index in " + indexDir
						+ " does not hold this corpus: " + again);
			}
			results.add(size, "build", "start-up check, nothing changed (sync)", sync, "ms");
			results.add(size, "build", "index size on disk", directorySize(indexDir) / 1e6, "MB");
			System.out.println("  index reused (bench.reuse-index): build not measured in this run");
		}
	}

	private void build(int size, Path indexDir, Taxonomy taxonomy, ContentLoader loader) throws java.io.IOException {
		int buildRuns = size >= 100_000 ? 1 : Math.min(3, config.runs());
		double[] rates = new double[buildRuns];
		double[] syncs = new double[buildRuns];
		double[] threadCpuRates = new double[buildRuns];
		double[] processCpuRates = new double[buildRuns];
		for (int r = 0; r < buildRuns; r++) {
			CorpusGenerator.deleteTree(indexDir);
			try (SearchIndex index = new SearchIndex(indexDir, taxonomy)) {
				ContentIndexer indexer = new ContentIndexer(index, loader, taxonomy.fingerprint());
				long c0 = THREADS.getCurrentThreadCpuTime();
				long p0 = processCpuNanos();
				long t0 = System.nanoTime();
				ContentIndexer.SyncReport built = indexer.sync();
				long t1 = System.nanoTime();
				threadCpuRates[r] = size / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
				processCpuRates[r] = size / ((processCpuNanos() - p0) / 1e9);
				if (!built.rebuilt() || built.added() != size) {
					throw new IllegalStateException("build indexed " + built.added() + " of " + size);
				}
				rates[r] = size / ((t1 - t0) / 1e9);
				long t2 = System.nanoTime();
				ContentIndexer.SyncReport again = indexer.sync();
				syncs[r] = (System.nanoTime() - t2) / 1e6;
				if (again.unchanged() != size) {
					throw new IllegalStateException("no-change sync saw changes: " + again);
				}
			}
		}
		results.add(size, "build", "index build from Markdown (median of " + buildRuns + ")", Stats.median(rates),
				"docs/s", Targets.build(size), false);
		results.add(size, "build", "index build per CPU-second of the calling thread", Stats.median(threadCpuRates),
				"docs/s");
		results.add(size, "build", "index build per CPU-second of the whole process", Stats.median(processCpuRates),
				"docs/s");
		results.add(size, "build", "start-up check, nothing changed (sync)", Stats.median(syncs), "ms");
		results.add(size, "build", "index size on disk", directorySize(indexDir) / 1e6, "MB");
	}

	private Figures measure(int size, Path indexDir, Taxonomy taxonomy, ContentLoader loader, List<QueryMix.Query> mix,
			CorpusGenerator generator) throws Exception {
		try (SearchIndex index = new SearchIndex(indexDir, taxonomy);
				BareLucene bare = new BareLucene(indexDir, taxonomy.synonyms())) {
			FacetedSearch service = new FacetedSearch(index, new FacetLabels(taxonomy));
			// Same totals on both sides, or the comparison compares different work.
			for (QueryMix.Query q : mix) {
				long app = service.search(q.request(), Audience.PUBLIC).total();
				long plain = bare.search(q.text(), q.filters(), QueryMix.PAGE_SIZE);
				if (app != plain) {
					throw new IllegalStateException("totals differ for " + q + ": " + app + " vs " + plain);
				}
			}
			reportHits(size, service, mix);
			warmUp(service, bare, mix);
			List<Timing> appRuns = new ArrayList<>();
			List<Timing> bareRuns = new ArrayList<>();
			for (int r = 0; r < config.runs(); r++) {
				appRuns.add(timeMix(mix, q -> service.search(q.request(), Audience.PUBLIC)));
				bareRuns.add(timeMix(mix, q -> bare.search(q.text(), q.filters(), QueryMix.PAGE_SIZE)));
			}
			Stats app = Stats.medianOf(appRuns.stream().map(Timing::wall).toList());
			Stats plain = Stats.medianOf(bareRuns.stream().map(Timing::wall).toList());
			Stats appCpu = Stats.medianOf(appRuns.stream().map(Timing::cpu).toList());
			Stats plainCpu = Stats.medianOf(bareRuns.stream().map(Timing::cpu).toList());
			results.add(size, "in-process", "search+facets+snippets p50", app.p50(), "ms", Targets.p50(size), true);
			results.add(size, "in-process", "search+facets+snippets p99", app.p99(), "ms", Targets.p99(size), true);
			results.add(size, "in-process", "search+facets+snippets max", app.max(), "ms");
			results.add(size, "in-process", "search+facets+snippets mean", app.mean(), "ms");
			results.add(size, "in-process", "search+facets+snippets CPU p50", appCpu.p50(), "ms", Targets.p50(size),
					true);
			results.add(size, "in-process", "search+facets+snippets CPU p99", appCpu.p99(), "ms", Targets.p99(size),
					true);
			results.add(size, "in-process", "search+facets+snippets CPU mean", appCpu.mean(), "ms");
			results.add(size, "in-process", "bare Lucene same query p50", plain.p50(), "ms");
			results.add(size, "in-process", "bare Lucene same query p99", plain.p99(), "ms");
			results.add(size, "in-process", "bare Lucene same query mean", plain.mean(), "ms");
			results.add(size, "in-process", "bare Lucene same query CPU p50", plainCpu.p50(), "ms");
			results.add(size, "in-process", "bare Lucene same query CPU mean", plainCpu.mean(), "ms");
			results.add(size, "in-process", "overhead vs bare Lucene (p50 ratio)", app.p50() / plain.p50(), "x",
					Targets.OVERHEAD, true);
			results.add(size, "in-process", "overhead vs bare Lucene (mean ratio)", app.mean() / plain.mean(), "x");
			results.add(size, "in-process", "overhead vs bare Lucene (CPU p50 ratio)", appCpu.p50() / plainCpu.p50(),
					"x", Targets.OVERHEAD, true);
			results.add(size, "in-process", "overhead vs bare Lucene (CPU mean ratio)",
					appCpu.mean() / plainCpu.mean(), "x");
			for (String band : List.of("frequent", "rare", "phrase")) {
				List<QueryMix.Query> part = mix.stream().filter(q -> q.band().equals(band)).toList();
				Timing t = timeMix(part, q -> service.search(q.request(), Audience.PUBLIC));
				results.add(size, "in-process", "band " + band + " p50", t.wall().p50(), "ms");
				results.add(size, "in-process", "band " + band + " p99", t.wall().p99(), "ms");
				results.add(size, "in-process", "band " + band + " CPU p50", t.cpu().p50(), "ms");
			}
			double t1 = throughput(mix, 1, q -> service.search(q.request(), Audience.PUBLIC));
			long process0 = processCpuNanos();
			long before = System.nanoTime();
			double t8 = throughput(mix, 8, q -> service.search(q.request(), Audience.PUBLIC));
			double cpu8 = (processCpuNanos() - process0) / 1e6 / (t8 * (System.nanoTime() - before) / 1e9);
			results.add(size, "in-process", "throughput, 1 thread", t1, "q/s");
			results.add(size, "in-process", "throughput, 8 threads", t8, "q/s");
			results.add(size, "in-process", "CPU per search at 8 threads, whole JVM (incl. GC)", cpu8, "ms");
			publishToSearchable(size, index, service, loader, generator);
			return new Figures(app, appCpu, t1, t8, cpu8);
		}
	}

	private void reportHits(int size, FacetedSearch service, List<QueryMix.Query> mix) {
		for (String band : List.of("frequent", "rare", "phrase")) {
			double[] totals = mix.stream().filter(q -> q.band().equals(band) && q.filterCount() == 0)
				.mapToDouble(q -> service.search(q.request(), Audience.PUBLIC).total()).toArray();
			results.add(size, "mix", "band " + band + ", no filter: median hits", Stats.median(totals), "docs");
		}
	}

	private void warmUp(FacetedSearch service, BareLucene bare, List<QueryMix.Query> mix) {
		long until = System.nanoTime() + 3_000_000_000L;
		int passes = 0;
		while (passes < 3 || System.nanoTime() < until && passes < 50) {
			for (QueryMix.Query q : mix) {
				service.search(q.request(), Audience.PUBLIC);
				bare.search(q.text(), q.filters(), QueryMix.PAGE_SIZE);
			}
			passes++;
		}
	}

	interface Search {
		Object run(QueryMix.Query query) throws Exception;
	}

	/** Wall-clock and on-CPU time of the same searches: the second is what a busy machine cannot inflate. */
	record Timing(Stats wall, Stats cpu) {
	}

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
		.getThreadMXBean();

	/** One run: the mix replayed in order until at least 5 passes and 2 seconds (at most 30 passes). */
	static Timing timeMix(List<QueryMix.Query> mix, Search search) throws Exception {
		List<Long> nanos = new ArrayList<>();
		List<Long> cpu = new ArrayList<>();
		long until = System.nanoTime() + 2_000_000_000L;
		int passes = 0;
		while (passes < 5 || System.nanoTime() < until && passes < 30) {
			for (QueryMix.Query q : mix) {
				long c0 = THREADS.getCurrentThreadCpuTime();
				long t0 = System.nanoTime();
				search.run(q);
				nanos.add(System.nanoTime() - t0);
				cpu.add(THREADS.getCurrentThreadCpuTime() - c0);
			}
			passes++;
		}
		return new Timing(Stats.ofNanos(nanos.stream().mapToLong(Long::longValue).toArray()),
				Stats.ofNanos(cpu.stream().mapToLong(Long::longValue).toArray()));
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * Searches per second with {@code threads} callers, each replaying the mix in order from its
	 * own offset, for the configured time and at least one whole pass of the mix per caller (so a
	 * slow engine is not timed on the first few queries only), but never more than ten times as long.
	 */
	double throughput(List<QueryMix.Query> mix, int threads, Search search) throws Exception {
		AtomicLong done = new AtomicLong();
		long seconds = config.seconds();
		long minimum = System.nanoTime() + seconds * 1_000_000_000L;
		long end = System.nanoTime() + 10 * seconds * 1_000_000_000L;
		List<Thread> workers = new ArrayList<>();
		List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int offset = t * mix.size() / threads;
			Thread worker = new Thread(() -> {
				int i = offset;
				try {
					long now = System.nanoTime();
					while (now < end && (now < minimum || i - offset < mix.size())) {
						search.run(mix.get(i++ % mix.size()));
						done.incrementAndGet();
						now = System.nanoTime();
					}
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			});
			workers.add(worker);
			worker.start();
		}
		for (Thread w : workers) {
			w.join();
		}
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
		return done.get() / ((System.nanoTime() - start) / 1e9);
	}

	/**
	 * A new document goes through the real path (parse, render, upsert) and the clock stops when
	 * a search for a word only it holds finds it: the generation wait, the reader refresh and the
	 * facet state rebuild the first search after a refresh pays. Removed again afterwards.
	 */
	private void publishToSearchable(int size, SearchIndex index, FacetedSearch service, ContentLoader loader,
			CorpusGenerator generator) throws Exception {
		int samples = 40;
		long[] nanos = new long[samples];
		long[] waits = new long[samples];
		Random gaps = new Random(7);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			String marker = "zzq" + letters(i) + "qz";
			CorpusGenerator.Generated doc = generator.document(i, "bench-publish", marker);
			byte[] bytes = doc.text().getBytes(StandardCharsets.UTF_8);
			ContentFile file = new ContentFile(doc.path(), doc.path().replace(".md", ""), bytes, "publish-" + i,
					LocalDate.now());
			Thread.sleep(50 + gaps.nextInt(150));
			long t0 = System.nanoTime();
			List<ContentProblem> problems = new ArrayList<>();
			SourceDocument source = loader.parse(file, problems).orElseThrow();
			long generation = index.upsert(source);
			index.waitFor(generation);
			long t1 = System.nanoTime();
			SearchResults found = service.search(SearchRequest.of(marker), Audience.MEMBERS);
			nanos[i] = System.nanoTime() - t0;
			waits[i] = t1 - t0;
			if (found.total() != 1) {
				throw new IllegalStateException("published document not found: " + marker);
			}
			ids.add(source.document().id());
		}
		ids.forEach(index::delete);
		index.commit(Map.of());
		Stats all = Stats.ofNanos(nanos);
		Stats wait = Stats.ofNanos(waits);
		results.add(size, "publish", "publish-to-searchable p50 (" + samples + " docs)", all.p50(), "ms");
		results.add(size, "publish", "publish-to-searchable p95", all.p95(), "ms", Targets.publish(size), true);
		results.add(size, "publish", "of which parse+upsert+generation wait p95", wait.p95(), "ms");
	}

	private static String letters(int i) {
		StringBuilder s = new StringBuilder();
		do {
			s.append((char) ('a' + i % 26));
			i /= 26;
		}
		while (i > 0);
		return s.toString();
	}

	static long directorySize(Path dir) throws java.io.IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}
}
