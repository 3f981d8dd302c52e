package uk.interop.kb.problembook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.interop.kb.search.Audience;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Suggests a level for an entry from the levels of the lessons and case studies most like it
 * ({@link RelatedDocuments#related}, so only what the audience may read). The most similar counts
 * most: the first of {@value #CONSIDERED} lessons has weight {@value #CONSIDERED}, the last 1. A
 * lesson votes for each of its levels with its whole weight; the suggestion is the level with the
 * most votes (ties go to the first in level order) and its score is its share of all the weight.
 * A suggestion is only ever shown: nothing applies it.
 */
@Component
public class LevelSuggester {

	static final int CONSIDERED = 5;
	/** How many related documents to look through for lessons: related documents include other types. */
	private static final int CANDIDATES = 40;

	private final RelatedDocuments related;
	private final Taxonomy taxonomy;

	LevelSuggester(RelatedDocuments related, Taxonomy taxonomy) {
		this.related = related;
		this.taxonomy = taxonomy;
	}

	public record Suggestion(Concept level, double score, List<Evidence> lessons) {
		public Suggestion {
			lessons = List.copyOf(lessons);
		}

		public int percent() {
			return (int) Math.round(score * 100);
		}

		public List<Evidence> supporting() {
			return lessons.stream().filter(Evidence::supports).toList();
		}
	}

	/** A lesson the suggestion looked at: its similarity rank (1 = most similar), weight and whether it is at the suggested level. */
	public record Evidence(IndexedDocument lesson, int rank, int weight, boolean supports) {
	}

	public Optional<Suggestion> suggest(Entry entry, Audience audience) {
		List<IndexedDocument> lessons = related.related(entry.documentId(), audience, CANDIDATES).stream()
			.filter(d -> ProblemBook.EVIDENCE_TYPES.contains(d.document().type()))
			.limit(CONSIDERED)
			.toList();
		Map<String, Integer> votes = new LinkedHashMap<>();
		taxonomy.levels().concepts().forEach(level -> votes.put(level.id(), 0));
		int total = 0;
		for (int i = 0; i < lessons.size(); i++) {
			int weight = CONSIDERED - i;
			total += weight;
			lessons.get(i).document().levels().stream().filter(votes::containsKey)
				.forEach(level -> votes.merge(level, weight, Integer::sum));
		}
		String best = null;
		for (Map.Entry<String, Integer> vote : votes.entrySet()) {
			if (vote.getValue() > 0 && (best == null || vote.getValue() > votes.get(best))) {
				best = vote.getKey();
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		String suggested = best;
		List<Evidence> evidence = new ArrayList<>();
		for (int i = 0; i < lessons.size(); i++) {
			evidence.add(new Evidence(lessons.get(i), i + 1, CONSIDERED - i,
					lessons.get(i).document().levels().contains(suggested)));
		}
		return Optional.of(new Suggestion(taxonomy.level(suggested).orElseThrow(), (double) votes.get(suggested) / total,
				evidence));
	}
}
