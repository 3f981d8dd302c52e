package uk.interop.kb.search.relevance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.index.Ranking;
import uk.interop.kb.support.RealContent;

/**
 * {@code ./mvnw -Prelevance verify}: runs every judged query through Interop KB's search (as a signed-in
 * member, over the shipped content) and through the plain BM25 baseline, and prints nDCG@10, P@5, MRR,
 * recall@10 and the zero-result rate per category. Writes the same tables and every query's top ten to
 * {@code target/relevance/}. Not part of {@code verify}; the figures go into {@code docs/relevance.md}.
 */
public final class RelevanceReport {

	private RelevanceReport() {
	}

	public static void main(String[] args) throws Exception {
		List<JudgedQuery> queries = JudgedQuery.load();
		List<SourceDocument> corpus = RealContent.load().documents();
		Path out = Files.createDirectories(Path.of("target/relevance"));
		StringBuilder report = new StringBuilder();
		report.append("Judged queries: ").append(queries.size()).append("; documents: ").append(corpus.size())
			.append("\n\n");
		try (EngineUnderTest engine = EngineUnderTest.open(Path.of("target/relevance"));
				Bm25Baseline baseline = new Bm25Baseline(corpus)) {
			Map<String, Function<String, List<String>>> systems = new LinkedHashMap<>();
			systems.put("Interop KB (hybrid)", q -> engine.search(Ranking.DEFAULT, q, 100));
			systems.put("Interop KB (lexical only)", q -> engine.search(Ranking.DEFAULT.withSemantic(false), q, 100));
			Variants.selected().forEach((name, ranking) -> systems.put(name, q -> engine.search(ranking, q, 100)));
			systems.put("BM25 baseline", q -> baseline.search(q, 100));
			StringBuilder details = new StringBuilder("system\tquery id\tcategory\tnDCG@10\tquery\ttop 10\n");
			Map<String, Map<String, Metrics.Mean>> means = new LinkedHashMap<>();
			for (var system : systems.entrySet()) {
				Map<String, List<Metrics>> byCategory = new LinkedHashMap<>();
				for (JudgedQuery query : queries) {
					List<String> ranked = system.getValue().apply(query.query());
					Metrics metrics = Metrics.of(query, ranked);
					byCategory.computeIfAbsent(query.category(), c -> new ArrayList<>()).add(metrics);
					byCategory.computeIfAbsent("all", c -> new ArrayList<>()).add(metrics);
					// Two halves, to see whether settings chosen on the whole set hold on each half.
					byCategory.computeIfAbsent(half(query), c -> new ArrayList<>()).add(metrics);
					details.append(system.getKey()).append('\t').append(query.id()).append('\t')
						.append(query.category()).append('\t').append(format(metrics.ndcg10())).append('\t')
						.append(query.query()).append('\t')
						.append(String.join(" ", ranked.stream().limit(10)
							.map(id -> id + "(" + query.grade(id) + ")").toList()))
						.append('\n');
				}
				Map<String, Metrics.Mean> mean = new LinkedHashMap<>();
				byCategory.forEach((category, all) -> mean.put(category, Metrics.Mean.of(all)));
				means.put(system.getKey(), mean);
			}
			report.append(table(means));
			report.append("\n").append(SimilarityReport.of(engine, queries, corpus));
			Files.writeString(out.resolve("queries.tsv"), details);
		}
		Files.writeString(out.resolve("report.md"), report);
		System.out.println(report);
	}

	private static String table(Map<String, Map<String, Metrics.Mean>> means) {
		TreeSet<String> categories = new TreeSet<>();
		means.values().forEach(m -> categories.addAll(m.keySet()));
		categories.remove("all");
		categories.removeIf(c -> c.startsWith("all ("));
		List<String> order = new ArrayList<>(categories);
		order.add("all");
		order.add("all (odd-numbered queries)");
		order.add("all (even-numbered queries)");
		StringBuilder md = new StringBuilder(
				"| category | queries | system | nDCG@10 | P@5 | MRR | recall@10 | zero-result rate |\n"
						+ "|---|---|---|---|---|---|---|---|\n");
		for (String category : order) {
			for (var system : means.entrySet()) {
				Metrics.Mean m = system.getValue().get(category);
				if (m == null) {
					continue;
				}
				md.append("| ").append(category).append(" | ").append(m.queries()).append(" | ")
					.append(system.getKey()).append(" | ").append(format(m.ndcg10())).append(" | ")
					.append(format(m.precision5())).append(" | ").append(format(m.mrr())).append(" | ")
					.append(format(m.recall10())).append(" | ").append(format(m.zeroRate())).append(" |\n");
			}
		}
		return md.toString();
	}

	private static String half(JudgedQuery query) {
		int number = Integer.parseInt(query.id().replaceAll("\\D", ""));
		return number % 2 == 1 ? "all (odd-numbered queries)" : "all (even-numbered queries)";
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	static void deleteQuietly(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
