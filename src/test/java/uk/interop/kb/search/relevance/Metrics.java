package uk.interop.kb.search.relevance;

import java.util.Comparator;
import java.util.List;

/**
 * The standard measures over one ranked list: nDCG@10 with graded gains (2^grade - 1, log2 discount),
 * precision at 5, reciprocal rank of the first relevant document, recall at 10 (relevant = grade 2 or
 * more), and whether the list was empty.
 */
public record Metrics(double ndcg10, double precision5, double reciprocalRank, double recall10, boolean zero) {

	public static Metrics of(JudgedQuery query, List<String> ranked) {
		double dcg = 0;
		for (int i = 0; i < Math.min(10, ranked.size()); i++) {
			dcg += gain(query.grade(ranked.get(i))) / log2(i + 2);
		}
		List<Integer> ideal = query.grades().values().stream().sorted(Comparator.reverseOrder()).limit(10).toList();
		double idcg = 0;
		for (int i = 0; i < ideal.size(); i++) {
			idcg += gain(ideal.get(i)) / log2(i + 2);
		}
		long relevantInTop5 = ranked.stream().limit(5).filter(id -> query.grade(id) >= JudgedQuery.RELEVANT).count();
		long relevantInTop10 = ranked.stream().limit(10).filter(id -> query.grade(id) >= JudgedQuery.RELEVANT).count();
		double reciprocal = 0;
		for (int i = 0; i < ranked.size(); i++) {
			if (query.grade(ranked.get(i)) >= JudgedQuery.RELEVANT) {
				reciprocal = 1.0 / (i + 1);
				break;
			}
		}
		long relevant = Math.max(1, query.relevantCount());
		return new Metrics(idcg == 0 ? 0 : dcg / idcg, relevantInTop5 / 5.0, reciprocal,
				(double) relevantInTop10 / relevant, ranked.isEmpty());
	}

	/** The mean of each measure; {@code zero} becomes the share of empty lists. */
	public record Mean(int queries, double ndcg10, double precision5, double mrr, double recall10, double zeroRate) {

		public static Mean of(List<Metrics> all) {
			int n = all.size();
			return new Mean(n, all.stream().mapToDouble(Metrics::ndcg10).average().orElse(0),
					all.stream().mapToDouble(Metrics::precision5).average().orElse(0),
					all.stream().mapToDouble(Metrics::reciprocalRank).average().orElse(0),
					all.stream().mapToDouble(Metrics::recall10).average().orElse(0),
					n == 0 ? 0 : (double) all.stream().filter(Metrics::zero).count() / n);
		}
	}

	private static double gain(int grade) {
		return Math.pow(2, grade) - 1;
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}
}
