package uk.interop.kb.search.index;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import uk.interop.kb.search.SearchRequest;

/**
 * Turns what a person typed into a Lucene query without ever failing. Lucene's
 * {@link SimpleQueryParser} is built for user input: it has no syntax errors, only a small
 * set of operators ({@code "phrase"}, {@code -not}, {@code a | b}, {@code prefix*},
 * parentheses). Fuzzy, proximity and regular-expression syntax are not offered, and a
 * prefix needs at least two characters so a lone {@code *} cannot expand to every term.
 */
public final class QueryFactory {

	static final Map<String, Float> WEIGHTS = Map.of(LuceneFields.TITLE, 3f, LuceneFields.SUMMARY, 2f,
			LuceneFields.BODY, 1f);

	private static final int OPERATORS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR
			| SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
			| SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR
			| SimpleQueryParser.ESCAPE_OPERATOR;

	private QueryFactory() {
	}

	/** The query for {@code text}; all documents when it is blank. */
	public static Query parse(String text, Analyzer analyzer) {
		String cleaned = clean(text);
		if (cleaned.isBlank()) {
			return new MatchAllDocsQuery();
		}
		try {
			return parser(analyzer, OPERATORS).parse(cleaned);
		}
		catch (RuntimeException ex) {
			return literal(cleaned, analyzer);
		}
	}

	/** Every character taken literally: the fallback when operators make a query Lucene refuses. */
	public static Query literal(String text, Analyzer analyzer) {
		return parser(analyzer, 0).parse(clean(text));
	}

	/** Removes control characters and caps the length, whatever the caller checked before. */
	public static String clean(String text) {
		String cleaned = text.replaceAll("[\\p{Cntrl}&&[^\\t\\n]]", " ").replaceAll("\\s+", " ").strip();
		return cleaned.length() > SearchRequest.MAX_QUERY_LENGTH ? cleaned.substring(0,
				SearchRequest.MAX_QUERY_LENGTH) : cleaned;
	}

	private static SimpleQueryParser parser(Analyzer analyzer, int flags) {
		SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS, flags) {
			@Override
			protected Query newPrefixQuery(String text) {
				return text.length() < 2 ? newDefaultQuery(text) : super.newPrefixQuery(text.toLowerCase(java.util.Locale.ROOT));
			}
		};
		parser.setDefaultOperator(org.apache.lucene.search.BooleanClause.Occur.MUST);
		return parser;
	}
}
