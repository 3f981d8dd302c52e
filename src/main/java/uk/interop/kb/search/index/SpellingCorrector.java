package uk.interop.kb.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import uk.interop.kb.search.AccessFilter;

/**
 * "Did you mean": each word the readable part of the index lacks is replaced by the closest word it
 * has, drawn only from the spelling fields the audience may read.
 */
public final class SpellingCorrector {

	/** A corrected query is offered only if it passes this check (it must find more, for this audience). */
	@FunctionalInterface
	public interface Check {
		boolean accept(String corrected) throws IOException;
	}

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");

	public Optional<String> correct(SearchIndex.Snapshot snapshot, String query, AccessFilter access, Check check)
			throws IOException {
		IndexReader reader = snapshot.searcher().getIndexReader();
		List<String> fields = access.spellingFields();
		DirectSpellChecker checker = new DirectSpellChecker();
		Matcher words = WORD.matcher(query);
		StringBuilder corrected = new StringBuilder();
		int last = 0;
		boolean changed = false;
		while (words.find()) {
			String word = words.group().toLowerCase(Locale.ROOT);
			corrected.append(query, last, words.start());
			last = words.end();
			String british = BritishSpellingFilter.british(word);
			if (QueryFactory.FILLER.contains(word)
					|| fields.stream().anyMatch(f -> docFreq(reader, f, word) > 0 || docFreq(reader, f, british) > 0)) {
				corrected.append(words.group());
				continue;
			}
			SuggestWord best = null;
			for (String field : fields) {
				for (SuggestWord candidate : checker.suggestSimilar(new Term(field, word), 1, reader,
						SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
					if (best == null || candidate.score > best.score
							|| candidate.score == best.score && candidate.freq > best.freq) {
						best = candidate;
					}
				}
			}
			if (best == null) {
				corrected.append(words.group());
			}
			else {
				corrected.append(best.string);
				changed = true;
			}
		}
		corrected.append(query.substring(last));
		if (!changed) {
			return Optional.empty();
		}
		String suggestion = corrected.toString();
		return check.accept(suggestion) ? Optional.of(suggestion) : Optional.empty();
	}

	/**
	 * Whether any word of the text occurs in what the audience may read. Semantic matching is only
	 * asked about text with at least one such word: a string of letters the library has never seen
	 * carries no meaning, only a resemblance to other unknown strings.
	 */
	public boolean anyKnown(SearchIndex.Snapshot snapshot, String text, AccessFilter access) {
		IndexReader reader = snapshot.searcher().getIndexReader();
		List<String> fields = access.spellingFields();
		Matcher words = WORD.matcher(text);
		while (words.find()) {
			String word = words.group().toLowerCase(Locale.ROOT);
			String british = BritishSpellingFilter.british(word);
			if (!QueryFactory.FILLER.contains(word)
					&& fields.stream().anyMatch(f -> docFreq(reader, f, word) > 0 || docFreq(reader, f, british) > 0)) {
				return true;
			}
		}
		return false;
	}

	private static int docFreq(IndexReader reader, String field, String word) {
		try {
			return reader.docFreq(new Term(field, word));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
