package uk.interop.kb.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/**
 * A workload to run under a profiler (Java Flight Recorder), not a measure: {@code build} rebuilds
 * the index of a generated corpus again and again, {@code search} replays the query mix, each for
 * the given seconds; {@code blank} replays the search page without words or filters (every document's
 * facet counts); {@code hybrid} replays the mix with semantic retrieval on a harness's hybrid index. Used to find where the time goes; docs/performance.md says how.
 * Arguments: mode, corpus folder (from an earlier harness run), seconds, and optionally an index
 * folder to keep between runs (a search profile then skips the build). Prints CPU ms per round.
 */
public final class Profile {

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
		.getThreadMXBean();

	private Profile() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		Path corpus = Path.of(args[1]);
		long seconds = Long.parseLong(args[2]);
		boolean keep = args.length > 3;
		Path indexDir = keep ? Path.of(args[3]) : Files.createTempDirectory("kb-profile");
		Taxonomy taxonomy = new TaxonomyLoader().load(corpus.resolve("taxonomy"));
		ContentLoader loader = new ContentLoader(corpus, taxonomy, new MarkdownRenderer());
		List<QueryMix.Query> mix = QueryMix.load(BenchConfig.fromSystemProperties().benchDir());
		long until = System.nanoTime() + seconds * 1_000_000_000L;
		boolean hybrid = mode.equals("hybrid");
		// hybrid: the index folder is an index-N-hybrid of the harness (Lucene in lucene/, vectors cached in embeddings/).
		try (SearchIndex index = hybrid
				? new SearchIndex(indexDir.resolve("lucene"), taxonomy,
						uk.interop.kb.search.index.SentenceEmbeddings.load(indexDir.resolve("embeddings")).embeddings())
				: new SearchIndex(indexDir, taxonomy)) {
			ContentIndexer indexer = new ContentIndexer(index, loader, taxonomy.fingerprint());
			indexer.sync();
			int rounds = 0;
			long cpu0 = InProcessBench.processCpuNanos();
			long thread0 = THREADS.getCurrentThreadCpuTime();
			long wall0 = System.nanoTime();
			if (mode.equals("build")) {
				cpu0 = InProcessBench.processCpuNanos();
				while (System.nanoTime() < until) {
					indexer.rebuild(done -> {
					});
					rounds++;
				}
			}
			else {
				FacetedSearch search = new FacetedSearch(index, new FacetLabels(taxonomy),
						hybrid ? uk.interop.kb.search.index.Ranking.DEFAULT
								: uk.interop.kb.search.index.Ranking.DEFAULT.withSemantic(false));
				if (mode.equals("blank")) {
					mix = List.of(new QueryMix.Query("blank", "", 0, java.util.Map.of()));
				}
				// A third of the time warms the JIT compiler up; the rest is measured.
				long warm = System.nanoTime() + (until - System.nanoTime()) / 3;
				while (System.nanoTime() < warm) {
					for (QueryMix.Query q : mix) {
						search.search(q.request(), Audience.PUBLIC);
					}
				}
				cpu0 = InProcessBench.processCpuNanos();
				thread0 = THREADS.getCurrentThreadCpuTime();
				while (System.nanoTime() < until) {
					for (QueryMix.Query q : mix) {
						search.search(q.request(), Audience.PUBLIC);
					}
					rounds++;
				}
			}
			double cpu = (InProcessBench.processCpuNanos() - cpu0) / 1e6;
			if (mode.equals("build")) {
				System.out.printf("build: %.0f docs/s wall, %.0f docs per process CPU-second%n",
						rounds * (double) index.documentCount() / ((System.nanoTime() - wall0) / 1e9),
						rounds * (double) index.documentCount() / (cpu / 1e3));
			}
			double thread = (THREADS.getCurrentThreadCpuTime() - thread0) / 1e6;
			System.out.printf("%s: %d rounds; per round %.1f ms process CPU, %.1f ms on this thread; per search"
					+ " %.3f / %.3f ms%n", mode, rounds, cpu / rounds, thread / rounds, cpu / rounds / mix.size(),
					thread / rounds / mix.size());
		}
		finally {
			if (!keep) {
				CorpusGenerator.deleteTree(indexDir);
			}
		}
		System.exit(0);
	}
}
