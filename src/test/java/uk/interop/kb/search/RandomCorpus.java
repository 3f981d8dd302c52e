package uk.interop.kb.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.content.Visibility;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;

/** Documents with random metadata from the real taxonomy, for checking counts against brute force. */
final class RandomCorpus {

	static final String[] WORDS = { "records", "management", "custody", "interface", "vocabulary", "schema",
			"agreement", "procurement", "connectivity", "identity", "quality", "culture", "evidence", "court",
			"ambulance", "safeguarding", "orchestration", "standards" };

	private RandomCorpus() {
	}

	static List<SourceDocument> generate(Taxonomy taxonomy, int count, long seed) {
		Random random = new Random(seed);
		MarkdownRenderer renderer = new MarkdownRenderer();
		List<SourceDocument> documents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			StringBuilder body = new StringBuilder("## What happened\n\n");
			for (int w = 0; w < 30; w++) {
				body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
			}
			Document d = new Document("lessons/random-" + i, "Random lesson " + i + " " + WORDS[i % WORDS.length],
					pick(taxonomy.vocabulary(Taxonomy.TYPES), random, 1, 1).get(0), "Summary " + i,
					pick(taxonomy.levels(), random, 0, 3), pick(taxonomy.themes(), random, 0, 3),
					pick(taxonomy.vocabulary(Taxonomy.ORGANISATIONS), random, 0, 2),
					pick(taxonomy.vocabulary(Taxonomy.SECTORS), random, 0, 2),
					random.nextInt(5) == 0 ? "" : pick(taxonomy.vocabulary(Taxonomy.OUTCOMES), random, 1, 1).get(0),
					pick(taxonomy.vocabulary(Taxonomy.BARRIERS), random, 0, 2),
					LocalDate.of(2023 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28)),
					List.of("Test"), random.nextInt(4) == 0 ? Visibility.MEMBERS : Visibility.PUBLIC, "",
					random.nextInt(3) == 0, "", "",
					random.nextBoolean() ? "" : pick(taxonomy.vocabulary(Taxonomy.SOURCE_TYPES), random, 1, 1).get(0),
					random.nextBoolean() ? "" : LocalDate.of(2000 + random.nextInt(26), 1, 1).toString());
			documents.add(new SourceDocument(d, body.toString(), renderer.render(body.toString()), "h" + i,
					SourceDocument.Origin.FILE));
		}
		return documents;
	}

	private static List<String> pick(uk.interop.kb.taxonomy.Vocabulary vocabulary, Random random, int min, int max) {
		List<String> ids = new ArrayList<>(vocabulary.concepts().stream().map(Concept::id).toList());
		java.util.Collections.shuffle(ids, random);
		return List.copyOf(ids.subList(0, min + random.nextInt(max - min + 1)));
	}
}
