package uk.interop.kb.search.index;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis chain. British spelling (so American forms match), English stemming and stop words
 * on both sides. The domain synonyms and acronyms are expanded at index time (flattened), because
 * the query parser splits on whitespace: a document saying "PNC" then also holds "police national
 * computer" and the other way round, whichever form a person types. A change to
 * {@code synonyms.txt} changes the taxonomy fingerprint, which rebuilds the index.
 */
public final class KbAnalyzers {

	public static final String SPELL_PUBLIC = "spell_public";
	public static final String SPELL_MEMBERS = "spell_members";

	private KbAnalyzers() {
	}

	/** Index-time analyzer for every field the writer sees. */
	public static Analyzer forIndexing(String synonyms) {
		return new PerFieldAnalyzerWrapper(english(synonymMap(synonyms)),
				Map.of(SPELL_PUBLIC, spelling(), SPELL_MEMBERS, spelling()));
	}

	public static Analyzer forQueries() {
		return english(null);
	}

	/** Lower-cased words, unstemmed: the vocabulary "did you mean" draws from. */
	public static Analyzer spelling() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				StandardTokenizer tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
			}
		};
	}

	/** Lower-cased words in British spelling, unstemmed: what the synonym rules are written in. */
	static Analyzer british() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				StandardTokenizer tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, new BritishSpellingFilter(new LowerCaseFilter(tokenizer)));
			}
		};
	}

	private static Analyzer english(SynonymMap synonyms) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				StandardTokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new EnglishPossessiveFilter(tokenizer);
				stream = new LowerCaseFilter(stream);
				stream = new BritishSpellingFilter(stream);
				if (synonyms != null && synonyms.fst != null) {
					stream = new FlattenGraphFilter(new SynonymGraphFilter(stream, synonyms, true));
				}
				stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
				stream = new PorterStemFilter(stream);
				return new TokenStreamComponents(tokenizer, stream);
			}
		};
	}

	/** Parses Solr-format synonyms; a malformed line is a configuration error naming the line. */
	public static SynonymMap synonymMap(String synonyms) {
		try {
			// Synonyms are read with the spelling rule applied, as the text they are matched against is.
			SolrSynonymParser parser = new SolrSynonymParser(true, true, british());
			parser.parse(new StringReader(synonyms));
			return parser.build();
		}
		catch (ParseException ex) {
			throw new IllegalStateException("synonyms.txt line " + ex.getErrorOffset() + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("synonyms.txt cannot be read: " + ex.getMessage(), ex);
		}
	}
}
