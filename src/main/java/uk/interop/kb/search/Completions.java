package uk.interop.kb.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import uk.interop.kb.search.index.LuceneFields;
import uk.interop.kb.search.index.QueryFactory;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * Completions for what someone has typed so far (the search box's suggestions): titles of readable
 * documents whose words start with it (the last word as a prefix), then taxonomy labels containing it.
 */
public final class Completions {

	private final SearchIndex index;
	private final Taxonomy taxonomy;

	public Completions(SearchIndex index, Taxonomy taxonomy) {
		this.index = index;
		this.taxonomy = taxonomy;
	}

	public List<String> complete(String typed, Audience audience, int count) {
		String text = QueryFactory.clean(typed).toLowerCase(Locale.ROOT);
		if (text.length() < 2) {
			return List.of();
		}
		AccessFilter access = AccessFilter.of(audience);
		Set<String> completions = new LinkedHashSet<>();
		index.withSnapshot(snapshot -> {
			SimpleQueryParser parser = new SimpleQueryParser(snapshot.queryAnalyzer(), Map.of(LuceneFields.TITLE, 1f),
					SimpleQueryParser.PREFIX_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR);
			parser.setDefaultOperator(Occur.MUST);
			Query query = parser.parse(text.replaceAll("[^\\p{L}\\p{N} ]", " ").strip() + "*");
			TopDocs top = snapshot.searcher().search(access.restrict(query), count);
			var stored = snapshot.searcher().storedFields();
			for (ScoreDoc hit : top.scoreDocs) {
				completions.add(stored.document(hit.doc, Set.of(LuceneFields.TITLE)).get(LuceneFields.TITLE));
			}
			return null;
		});
		for (Vocabulary vocabulary : taxonomy.inOrder()) {
			vocabulary.concepts().stream()
				.filter(c -> c.label().toLowerCase(Locale.ROOT).contains(text)
						|| c.altLabels().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith(text)))
				.forEach(c -> completions.add(c.label()));
		}
		return completions.stream().limit(count).toList();
	}
}
