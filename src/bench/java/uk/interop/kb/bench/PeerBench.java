package uk.interop.kb.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the same mix on the PostgreSQL peer and prints the Interop KB / PostgreSQL ratios. */
final class PeerBench {

	private final BenchConfig config;
	private final Results results;

	PeerBench(BenchConfig config, Results results) {
		this.config = config;
		this.results = results;
	}

	void run(int size, Path corpus, List<QueryMix.Query> mix, InProcessBench.Figures ours) throws Exception {
		try (PostgresPeer peer = PostgresPeer.start(config.outDir())) {
			double loadRate = peer.load(corpus);
			results.add(size, "postgres", "load: COPY + GIN index + VACUUM ANALYZE", loadRate, "docs/s");
			results.add(size, "postgres", "table + indexes on disk", peer.tableBytes() / 1e6, "MB");
			try (PostgresPeer.Client client = peer.new Client()) {
				for (String band : List.of("frequent", "rare", "phrase")) {
					List<Double> totals = new ArrayList<>();
					for (QueryMix.Query q : mix) {
						if (q.band().equals(band) && q.filterCount() == 0) {
							totals.add((double) client.search(q));
						}
					}
					results.add(size, "postgres", "band " + band + ", no filter: median hits",
							Stats.median(totals.stream().mapToDouble(Double::doubleValue).toArray()), "docs");
				}
				// Warm-up: one pass of the whole mix. From 100k documents PostgreSQL's frequent-term
				// searches take around a second each, so there the pass above is the warm-up and one
				// timed pass is the run, to keep the harness within minutes.
				boolean large = size >= 100_000;
				if (!large) {
					for (QueryMix.Query q : mix) {
						client.search(q);
					}
				}
				List<Stats> runs = new ArrayList<>();
				int peerRuns = large ? 1 : Math.max(1, Math.min(3, config.runs()));
				var threads = java.lang.management.ManagementFactory.getThreadMXBean();
				long server0 = peer.serverCpuNanos();
				long client0 = threads.getCurrentThreadCpuTime();
				for (int r = 0; r < peerRuns; r++) {
					runs.add(timeOnce(mix, client));
				}
				double cpuPerSearch = (peer.serverCpuNanos() - server0 + threads.getCurrentThreadCpuTime() - client0)
						/ 1e6 / (peerRuns * mix.size());
				Stats pg = Stats.medianOf(runs);
				results.add(size, "postgres", "search+facets+headlines p50", pg.p50(), "ms");
				results.add(size, "postgres", "search+facets+headlines p99", pg.p99(), "ms");
				results.add(size, "postgres", "search+facets+headlines max", pg.max(), "ms");
				results.add(size, "postgres", "search+facets+headlines mean", pg.mean(), "ms");
				results.add(size, "postgres", "CPU per search, server + JDBC client (mean)", cpuPerSearch, "ms");
				results.add(size, "versus", "latency p50: PostgreSQL / Interop KB", pg.p50() / ours.latency().p50(), "x");
				results.add(size, "versus", "CPU per search (mean): PostgreSQL / Interop KB",
						cpuPerSearch / ours.cpu().mean(), "x", Targets.versusPeer(size), false);
				results.add(size, "versus", "latency mean: PostgreSQL / Interop KB",
						pg.mean() / ours.latency().mean(), "x");
			}
			InProcessBench timing = new InProcessBench(config, results);
			double t1 = timing.throughput(mix, 1, clientPerThread(peer));
			long server0 = peer.serverCpuNanos();
			long process0 = InProcessBench.processCpuNanos();
			long before = System.nanoTime();
			double t8 = timing.throughput(mix, 8, clientPerThread(peer));
			double seconds = (System.nanoTime() - before) / 1e9;
			double cpu8 = (peer.serverCpuNanos() - server0 + InProcessBench.processCpuNanos() - process0) / 1e6
					/ (t8 * seconds);
			results.add(size, "postgres", "CPU per search at 8 connections, server + JVM", cpu8, "ms");
			results.add(size, "versus", "CPU per search at 8 clients: PostgreSQL / Interop KB", cpu8 / ours.cpu8(), "x",
					Targets.versusPeer(size), false);
			results.add(size, "postgres", "throughput, 1 connection", t1, "q/s");
			results.add(size, "postgres", "throughput, 8 connections", t8, "q/s");
			results.add(size, "versus", "throughput 1 client: Interop KB / PostgreSQL", ours.throughput1() / t1, "x");
			results.add(size, "versus", "throughput 8 clients: Interop KB / PostgreSQL", ours.throughput8() / t8, "x",
					Targets.versusPeer(size), false);
		}
	}

	/** One pass of the mix (PostgreSQL is too slow at 100k for the in-process harness's 2-second runs). */
	private static Stats timeOnce(List<QueryMix.Query> mix, PostgresPeer.Client client) throws Exception {
		long[] nanos = new long[mix.size()];
		for (int i = 0; i < mix.size(); i++) {
			long t0 = System.nanoTime();
			client.search(mix.get(i));
			nanos[i] = System.nanoTime() - t0;
		}
		return Stats.ofNanos(nanos);
	}

	/** Each worker thread gets its own connection, opened on first use. */
	private static InProcessBench.Search clientPerThread(PostgresPeer peer) {
		ThreadLocal<PostgresPeer.Client> clients = ThreadLocal.withInitial(() -> {
			try {
				return peer.new Client();
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return q -> clients.get().search(q);
	}
}
