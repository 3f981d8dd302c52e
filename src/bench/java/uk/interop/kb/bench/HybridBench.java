package uk.interop.kb.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import uk.interop.kb.content.ContentFile;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.EmbeddingProbe;
import uk.interop.kb.search.index.Ranking;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.search.index.SentenceEmbeddings;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * The hybrid (lexical plus sentence-embedding) side of the in-process measures, beside the
 * lexical ones: what embedding a passage and a query costs with no cache, the index build with
 * embeddings (cold the first time, then from the vector cache as every later rebuild is), and the
 * same query mix searched hybrid and lexical-only on the same index. The index and its vector
 * cache are kept in {@code index-N-hybrid/} for the hybrid app of {@link HttpBench}.
 */
final class HybridBench {

	private static final int SAMPLE = 200;

	private final BenchConfig config;
	private final Results results;

	HybridBench(BenchConfig config, Results results) {
		this.config = config;
		this.results = results;
	}

	/** In-process CPU per hybrid search (mean), or NaN when the model could not be loaded. */
	double run(int size, Path corpus, Path indexDir, Taxonomy taxonomy, ContentLoader loader,
			List<QueryMix.Query> mix) throws Exception {
		SentenceEmbeddings.Loaded loaded = SentenceEmbeddings.load(indexDir.resolve("embeddings"));
		if (loaded.problem().isPresent()) {
			System.out.println("  hybrid measures skipped: " + loaded.problem().get());
			return Double.NaN;
		}
		EmbeddingProbe probe = new EmbeddingProbe();
		EmbeddingProbe.Cost passages = probe.passages(sample(loader), InProcessBench::processCpuNanos);
		results.add(size, "hybrid", "passages per document (sample of " + passages.documents() + ")",
				(double) passages.passages() / passages.documents(), "passages");
		results.add(size, "hybrid", "embedding one passage, no cache: wall", passages.wallMillis()
				/ passages.passages(), "ms");
		results.add(size, "hybrid", "embedding one passage, no cache: process CPU", passages.cpuMillis()
				/ passages.passages(), "ms");
		EmbeddingProbe.Cost queries = probe.queries(mix.stream().map(QueryMix.Query::text).distinct().toList(),
				InProcessBench::processCpuNanos);
		results.add(size, "hybrid", "embedding one query (first search of a new text): wall",
				queries.wallMillis() / queries.passages(), "ms");
		results.add(size, "hybrid", "embedding one query: process CPU", queries.cpuMillis() / queries.passages(),
				"ms");

		Path lucene = indexDir.resolve("lucene");
		boolean cold = countFiles(indexDir.resolve("embeddings")) < size;
		CorpusGenerator.deleteTree(lucene);
		try (SearchIndex index = new SearchIndex(lucene, taxonomy, loaded.embeddings())) {
			ContentIndexer indexer = new ContentIndexer(index, loader, taxonomy.fingerprint());
			long p0 = InProcessBench.processCpuNanos();
			long t0 = System.nanoTime();
			ContentIndexer.SyncReport built = indexer.sync();
			double seconds = (System.nanoTime() - t0) / 1e9;
			double cpuSeconds = (InProcessBench.processCpuNanos() - p0) / 1e9;
			if (built.added() != size) {
				throw new IllegalStateException("hybrid build indexed " + built.added() + " of " + size);
			}
			String how = cold ? "vectors computed (cold cache)" : "vectors from the cache";
			results.add(size, "hybrid", "index build with embeddings, " + how, size / seconds, "docs/s");
			results.add(size, "hybrid", "index build with embeddings per process CPU-second, " + how,
					size / cpuSeconds, "docs/s");
			results.add(size, "hybrid", "index size on disk with vectors", InProcessBench.directorySize(lucene) / 1e6,
					"MB");

			FacetLabels labels = new FacetLabels(taxonomy);
			FacetedSearch hybrid = new FacetedSearch(index, labels, Ranking.DEFAULT);
			FacetedSearch lexical = new FacetedSearch(index, labels, Ranking.DEFAULT.withSemantic(false));
			for (int pass = 0; pass < 3; pass++) {
				for (QueryMix.Query q : mix) {
					hybrid.search(q.request(), Audience.PUBLIC);
					lexical.search(q.request(), Audience.PUBLIC);
				}
			}
			List<InProcessBench.Timing> hybridRuns = new ArrayList<>();
			List<InProcessBench.Timing> lexicalRuns = new ArrayList<>();
			for (int r = 0; r < config.runs(); r++) {
				hybridRuns.add(InProcessBench.timeMix(mix, q -> hybrid.search(q.request(), Audience.PUBLIC)));
				lexicalRuns.add(InProcessBench.timeMix(mix, q -> lexical.search(q.request(), Audience.PUBLIC)));
			}
			Stats h = Stats.medianOf(hybridRuns.stream().map(InProcessBench.Timing::wall).toList());
			Stats hCpu = Stats.medianOf(hybridRuns.stream().map(InProcessBench.Timing::cpu).toList());
			Stats l = Stats.medianOf(lexicalRuns.stream().map(InProcessBench.Timing::wall).toList());
			Stats lCpu = Stats.medianOf(lexicalRuns.stream().map(InProcessBench.Timing::cpu).toList());
			// Query vectors are cached in memory, as in the app: these are searches of texts seen before.
			results.add(size, "hybrid", "hybrid search p50 (query vector cached)", h.p50(), "ms");
			results.add(size, "hybrid", "hybrid search p99", h.p99(), "ms");
			results.add(size, "hybrid", "hybrid search CPU p50", hCpu.p50(), "ms");
			results.add(size, "hybrid", "hybrid search CPU mean", hCpu.mean(), "ms");
			results.add(size, "hybrid", "lexical search on the same index p50", l.p50(), "ms");
			results.add(size, "hybrid", "lexical search on the same index p99", l.p99(), "ms");
			results.add(size, "hybrid", "lexical search on the same index CPU mean", lCpu.mean(), "ms");
			return hCpu.mean();
		}
	}

	private static List<SourceDocument> sample(ContentLoader loader) {
		List<ContentProblem> problems = new ArrayList<>();
		List<ContentFile> files = loader.scan(problems);
		List<SourceDocument> sample = new ArrayList<>();
		for (int i = 0; i < files.size() && sample.size() < SAMPLE; i += Math.max(1, files.size() / SAMPLE)) {
			loader.parse(files.get(i), problems).ifPresent(sample::add);
		}
		return sample;
	}

	private static long countFiles(Path dir) throws java.io.IOException {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.count();
		}
	}
}
