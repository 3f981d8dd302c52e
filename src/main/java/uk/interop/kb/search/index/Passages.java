package uk.interop.kb.search.index;

import java.util.ArrayList;
import java.util.List;

import uk.interop.kb.content.Document;

/**
 * What of a document is embedded: its title with its summary, then its body in chunks of about
 * {@value #WORDS_PER_CHUNK} words (a sentence embedding model reads about 256 word pieces), cut at
 * paragraph or sentence ends where it can. At most {@value #MAX} passages: the first chunks carry a
 * lesson's "what happened" and "what we learned"; the rest is still found by lexical search.
 */
final class Passages {

	static final int MAX = 8;
	static final int WORDS_PER_CHUNK = 160;

	private Passages() {
	}

	/** Changes whenever what is embedded changes, so cached vectors of the old passages are not reused. */
	static final String VERSION = "passages-1";

	static List<String> of(Document document, String plainText) {
		List<String> passages = new ArrayList<>();
		passages.add(document.title() + ". " + document.summary());
		StringBuilder chunk = new StringBuilder();
		int words = 0;
		for (String sentence : plainText.split("(?<=[.!?])\\s+|\\n\\s*\\n")) {
			String text = sentence.strip();
			if (text.isEmpty()) {
				continue;
			}
			int count = text.split("\\s+").length;
			if (words > 0 && words + count > WORDS_PER_CHUNK) {
				passages.add(chunk.toString());
				if (passages.size() == MAX) {
					return passages;
				}
				chunk.setLength(0);
				words = 0;
			}
			if (chunk.length() > 0) {
				chunk.append(' ');
			}
			chunk.append(text);
			words += count;
		}
		if (words > 0 && passages.size() < MAX) {
			passages.add(chunk.toString());
		}
		return passages;
	}
}
