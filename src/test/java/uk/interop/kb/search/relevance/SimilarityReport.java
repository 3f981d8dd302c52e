package uk.interop.kb.search.relevance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.RelatedDocuments;

/**
 * Where similarity matters besides search, before (lexical MoreLikeThis) and after (blended with
 * passage embeddings):
 * <ul>
 * <li><b>related documents</b>: for each judged query that names its document, the other documents
 * judged relevant to that query count as related to it; nDCG@5 of the document's related list;</li>
 * <li><b>duplicate hint</b>: each lesson's or case study's summary typed as a new draft; the reciprocal
 * rank of the document itself among the similar lessons shown;</li>
 * <li><b>level suggestion</b>: each problem-book entry's levels hidden and suggested from its five most
 * similar lessons and case studies, weighted 5 to 1 by rank as {@code problembook.LevelSuggester}
 * does; the share of entries whose top suggestion is one of their levels.</li>
 * </ul>
 */
final class SimilarityReport {

	private static final Set<String> EVIDENCE = Set.of("lesson", "case-study");

	private SimilarityReport() {
	}

	static String of(EngineUnderTest engine, List<JudgedQuery> queries, List<SourceDocument> corpus) {
		StringBuilder md = new StringBuilder("| feature | measure | lexical only | with embeddings |\n|---|---|---|---|\n");
		RelatedDocuments lexical = new RelatedDocuments(engine.index(), false);
		RelatedDocuments blended = new RelatedDocuments(engine.index(), true);
		md.append("| related documents | nDCG@5 against co-judged documents (").append(
				queries.stream().filter(q -> q.top3().isPresent()).count()).append(" documents) | ")
			.append(format(related(lexical, queries))).append(" | ").append(format(related(blended, queries)))
			.append(" |\n");
		md.append("| duplicate hint while submitting | MRR of the document itself for its summary | ")
			.append(format(duplicates(lexical, corpus))).append(" | ").append(format(duplicates(blended, corpus)))
			.append(" |\n");
		md.append("| problem-book level suggestion | top suggestion is one of the entry's levels | ")
			.append(format(levels(lexical, corpus))).append(" | ").append(format(levels(blended, corpus)))
			.append(" |\n");
		return md.toString();
	}

	private static double related(RelatedDocuments related, List<JudgedQuery> queries) {
		List<Double> scores = new ArrayList<>();
		for (JudgedQuery query : queries) {
			if (query.top3().isEmpty()) {
				continue;
			}
			String self = query.top3().get();
			Map<String, Integer> grades = new HashMap<>(query.grades());
			grades.remove(self);
			JudgedQuery others = new JudgedQuery(query.id(), query.category(), query.query(), query.top3(), grades);
			List<String> ranked = related.related(self, Audience.MEMBERS, 5).stream().map(IndexedDocument::id).toList();
			double dcg = 0;
			for (int i = 0; i < ranked.size(); i++) {
				dcg += (Math.pow(2, others.grade(ranked.get(i))) - 1) / (Math.log(i + 2) / Math.log(2));
			}
			List<Integer> ideal = grades.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(5).toList();
			double idcg = 0;
			for (int i = 0; i < ideal.size(); i++) {
				idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
			}
			if (idcg > 0) {
				scores.add(dcg / idcg);
			}
		}
		return scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

	private static double duplicates(RelatedDocuments related, List<SourceDocument> corpus) {
		List<Double> reciprocal = new ArrayList<>();
		for (SourceDocument source : corpus) {
			Document d = source.document();
			if (!EVIDENCE.contains(d.type())) {
				continue;
			}
			List<String> similar = related.similarTo(d.summary(), Audience.MEMBERS, 5).stream()
				.map(IndexedDocument::id).toList();
			int rank = similar.indexOf(d.id());
			reciprocal.add(rank < 0 ? 0 : 1.0 / (rank + 1));
		}
		return reciprocal.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

	private static double levels(RelatedDocuments related, List<SourceDocument> corpus) {
		int entries = 0;
		int right = 0;
		for (SourceDocument source : corpus) {
			Document entry = source.document();
			if (!entry.type().equals("problem-book-entry") || entry.levels().isEmpty()) {
				continue;
			}
			List<IndexedDocument> lessons = related.related(entry.id(), Audience.MEMBERS, 40).stream()
				.filter(d -> EVIDENCE.contains(d.document().type())).limit(5).toList();
			Map<String, Integer> votes = new HashMap<>();
			for (int i = 0; i < lessons.size(); i++) {
				int weight = 5 - i;
				lessons.get(i).document().levels().forEach(level -> votes.merge(level, weight, Integer::sum));
			}
			entries++;
			if (votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()).map(Map.Entry::getKey)
				.filter(entry.levels()::contains).isPresent()) {
				right++;
			}
		}
		return entries == 0 ? 0 : (double) right / entries;
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}
}
