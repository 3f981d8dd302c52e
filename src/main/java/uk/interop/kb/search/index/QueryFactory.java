package uk.interop.kb.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import uk.interop.kb.search.SearchRequest;

/**
 * Turns what a person typed into a Lucene query without ever failing. Lucene's
 * {@link SimpleQueryParser} reads the syntax people may use ({@code "phrase"}, {@code -not},
 * {@code a | b}, {@code prefix*}, parentheses; no syntax errors are possible), and each plain word
 * becomes a query over title, summary, body and the tagged concepts' labels. Then, following
 * {@link Ranking}:
 * <ul>
 * <li>words are optional but a share of them must match ({@code minimumShouldMatch}), so one word a
 * lesson does not use never empties the page, while documents with more of the words rank higher;</li>
 * <li>question and filler words ("how", "do", "we", "can't", "lessons") are dropped;</li>
 * <li>documents with every word, and with the words close together, score extra;</li>
 * <li>documents tagged with a concept the query names score extra (never filtered).</li>
 * </ul>
 * A hyphenated word also matches its closed form ("e-mail" finds "email"). A prefix needs at least two
 * characters, so a lone {@code *} cannot expand to every term.
 */
public final class QueryFactory {

	private static final int OPERATORS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR
			| SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
			| SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR
			| SimpleQueryParser.ESCAPE_OPERATOR;

	/**
	 * Words that say what kind of question it is, not what it is about. Compared with the word as typed,
	 * lower-cased; ordinary stop words ("the", "of") are dropped by the analyzer anyway.
	 */
	static final Set<String> FILLER = Set.of("how", "why", "what", "when", "where", "who", "which", "whats",
			"what's", "do", "does", "did", "doing", "done", "we", "us", "our", "ours", "you", "your", "i", "me", "my",
			"can", "can't", "cant", "cannot", "could", "couldn't", "should", "shouldn't", "would", "wouldn't",
			"don't", "dont", "doesn't", "didn't", "won't", "isn't", "aren't", "wasn't", "get", "gets", "getting",
			"got", "need", "needs", "needed", "want", "wants", "wanted", "lesson", "lessons", "learned", "learnt",
			"learning", "example", "examples", "show", "find", "tell", "about", "any", "some", "there", "here",
			"have", "has", "had", "having", "been", "being", "were", "so", "than", "too", "very", "just", "also",
			"other", "others", "anything", "something", "things", "thing", "way", "ways", "help", "make", "making",
			"try", "trying", "happen", "happened", "happens", "going", "go", "please");

	private QueryFactory() {
	}

	/** A query, and the analysed words it was built from (in order, filler dropped). */
	public record Built(Query query, List<String> words) {
	}

	/** The query for {@code text}; all documents when it is blank. */
	public static Built build(String text, Analyzer analyzer, Ranking ranking, List<QueryIntents.Intent> intents) {
		String cleaned = clean(text);
		if (cleaned.isBlank()) {
			return new Built(new MatchAllDocsQuery(), List.of());
		}
		try {
			Built built = parse(cleaned, analyzer, ranking, ranking.dropFillerWords(), OPERATORS, intents);
			if (built.words().isEmpty() && ranking.dropFillerWords()) {
				// Nothing but question words ("how do we"): search for them after all, rather than for nothing.
				return parse(cleaned, analyzer, ranking, false, OPERATORS, intents);
			}
			return built;
		}
		catch (RuntimeException ex) {
			return literal(cleaned, analyzer, ranking, intents);
		}
	}

	/** Every character taken literally: the fallback when operators make a query Lucene refuses. */
	public static Built literal(String text, Analyzer analyzer, Ranking ranking, List<QueryIntents.Intent> intents) {
		return parse(clean(text), analyzer, ranking, ranking.dropFillerWords(), 0, intents);
	}

	/** Removes control characters and caps the length, whatever the caller checked before. */
	public static String clean(String text) {
		String cleaned = text.replaceAll("[\\p{Cntrl}&&[^\\t\\n]]", " ").replaceAll("\\s+", " ").strip();
		return cleaned.length() > SearchRequest.MAX_QUERY_LENGTH ? cleaned.substring(0,
				SearchRequest.MAX_QUERY_LENGTH) : cleaned;
	}

	private static Built parse(String text, Analyzer analyzer, Ranking ranking, boolean dropFiller, int flags,
			List<QueryIntents.Intent> intents) {
		Parser parser = new Parser(analyzer, ranking, dropFiller, flags);
		Query parsed = parser.parse(text);
		if (parsed == null) {
			parsed = new BooleanQuery.Builder().build();
		}
		// A single word parses to its own field disjunction: the share applies to words, not to fields.
		Query matching = parser.words.size() == 1 && parser.words.get(0) == parsed ? parsed
				: withMinimumMatch(parsed, ranking.minimumMatch());
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST);
		if (ranking.allWordsBoost() > 0 && parser.words.size() > 1) {
			BooleanQuery.Builder all = new BooleanQuery.Builder();
			parser.words.forEach(word -> all.add(word, Occur.MUST));
			query.add(new BoostQuery(all.build(), ranking.allWordsBoost()), Occur.SHOULD);
		}
		if (ranking.phraseBoost() > 0 && parser.tokens.size() > 1) {
			for (String field : List.of(LuceneFields.TITLE, LuceneFields.BODY)) {
				query.add(new BoostQuery(new PhraseQuery(ranking.phraseSlop(), field,
						parser.tokens.toArray(String[]::new)), ranking.phraseBoost()), Occur.SHOULD);
			}
		}
		if (ranking.intentBoost() > 0) {
			for (QueryIntents.Intent intent : intents) {
				query.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(intent.facet().param(),
						intent.conceptId()))), ranking.intentBoost()), Occur.SHOULD);
			}
		}
		return new Built(query.build(), List.copyOf(parser.tokens));
	}

	/** A share of the optional clauses must match: the top level's words, not the inside of a group. */
	private static Query withMinimumMatch(Query parsed, double share) {
		if (!(parsed instanceof BooleanQuery bool)) {
			return parsed;
		}
		long optional = bool.clauses().stream().filter(c -> c.getOccur() == Occur.SHOULD).count();
		if (optional < 2) {
			return parsed;
		}
		BooleanQuery.Builder rebuilt = new BooleanQuery.Builder();
		for (BooleanClause clause : bool.clauses()) {
			rebuilt.add(clause);
		}
		rebuilt.setMinimumNumberShouldMatch((int) Math.max(1, Math.floor(optional * share + 1e-9)));
		return rebuilt.build();
	}

	/** SimpleQueryParser with our word queries: across fields, filler dropped, hyphenated forms joined. */
	private static final class Parser extends SimpleQueryParser {

		private final Analyzer analyzer;
		private final Ranking ranking;
		private final boolean dropFiller;
		private final Map<String, Float> weights;
		final List<Query> words = new ArrayList<>();
		final List<String> tokens = new ArrayList<>();

		Parser(Analyzer analyzer, Ranking ranking, boolean dropFiller, int flags) {
			super(analyzer, weights(ranking), flags);
			this.analyzer = analyzer;
			this.ranking = ranking;
			this.dropFiller = dropFiller;
			this.weights = weights(ranking);
			setDefaultOperator(Occur.SHOULD);
		}

		private static Map<String, Float> weights(Ranking ranking) {
			Map<String, Float> weights = new LinkedHashMap<>();
			weights.put(LuceneFields.TITLE, ranking.titleWeight());
			weights.put(LuceneFields.SUMMARY, ranking.summaryWeight());
			weights.put(LuceneFields.BODY, ranking.bodyWeight());
			if (ranking.labelsWeight() > 0) {
				weights.put(LuceneFields.LABELS, ranking.labelsWeight());
			}
			return weights;
		}

		@Override
		protected Query newDefaultQuery(String text) {
			if (dropFiller && FILLER.contains(text.toLowerCase(Locale.ROOT).replace('’', '\''))) {
				return null;
			}
			List<String> analysed = analyse(text);
			if (analysed.isEmpty()) {
				return null;
			}
			Query word = word(analysed);
			if (text.indexOf('-') > 0) {
				List<String> joined = analyse(text.replace("-", ""));
				if (!joined.isEmpty() && !joined.equals(analysed)) {
					word = new BooleanQuery.Builder().add(word, Occur.SHOULD).add(word(joined), Occur.SHOULD).build();
				}
			}
			words.add(word);
			tokens.addAll(analysed);
			return word;
		}

		@Override
		protected Query newPrefixQuery(String text) {
			return text.length() < 2 ? newDefaultQuery(text) : super.newPrefixQuery(text.toLowerCase(Locale.ROOT));
		}

		/** One typed word: every token it analyses to (usually one), each over the weighted fields. */
		private Query word(List<String> analysed) {
			if (analysed.size() == 1) {
				return token(analysed.get(0));
			}
			BooleanQuery.Builder all = new BooleanQuery.Builder();
			analysed.forEach(token -> all.add(token(token), Occur.MUST));
			return all.build();
		}

		private Query token(String token) {
			if (ranking.combinedFields()) {
				CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder();
				weights.forEach(combined::addField);
				return combined.addTerm(new BytesRef(token)).build();
			}
			BooleanQuery.Builder fields = new BooleanQuery.Builder();
			weights.forEach((field, weight) -> fields.add(new BoostQuery(new TermQuery(new Term(field, token)), weight),
					Occur.SHOULD));
			return fields.build();
		}

		private List<String> analyse(String text) {
			List<String> analysed = new ArrayList<>();
			try (TokenStream stream = analyzer.tokenStream(LuceneFields.BODY, text)) {
				CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
				stream.reset();
				while (stream.incrementToken()) {
					analysed.add(term.toString());
				}
				stream.end();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return analysed;
		}
	}
}
