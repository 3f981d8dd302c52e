package uk.interop.kb.search.index;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Writes American spellings the British way, on both sides of the index, so "organization" finds
 * "organisation" and "catalog" finds "catalogue" whichever a document or a person uses. Runs on
 * lower-cased words before stemming. The -ize/-yze family follows a rule (with the words where -ize
 * is not a suffix kept as they are); the rest is a short list of the pairs the forum's writing meets.
 */
public final class BritishSpellingFilter extends TokenFilter {

	/** Words ending in -ize/-yze whose ending is not the suffix: left alone. */
	private static final Set<String> NOT_SUFFIXED = Set.of("size", "sizes", "sized", "sizing", "seize", "seizes",
			"seized", "seizing", "prize", "prizes", "prized", "capsize", "capsized", "maize", "baize", "assize",
			"assizes", "downsize", "downsized", "downsizing", "resize", "resized", "resizing", "oversize", "oversized",
			"outsize", "outsized", "bite-size", "citizen", "citizens", "wizard", "wizards", "bizarre");

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("catalog", "catalogue"),
			Map.entry("catalogs", "catalogues"), Map.entry("cataloged", "catalogued"),
			Map.entry("cataloging", "cataloguing"), Map.entry("dialog", "dialogue"), Map.entry("dialogs", "dialogues"),
			Map.entry("center", "centre"), Map.entry("centers", "centres"), Map.entry("centered", "centred"),
			Map.entry("defense", "defence"), Map.entry("offense", "offence"), Map.entry("offenses", "offences"),
			Map.entry("license", "licence"), Map.entry("licenses", "licences"), Map.entry("program", "programme"),
			Map.entry("programs", "programmes"), Map.entry("behavior", "behaviour"),
			Map.entry("behaviors", "behaviours"), Map.entry("behavioral", "behavioural"), Map.entry("color", "colour"),
			Map.entry("labor", "labour"), Map.entry("neighbor", "neighbour"), Map.entry("neighbors", "neighbours"),
			Map.entry("neighborhood", "neighbourhood"), Map.entry("neighborhoods", "neighbourhoods"),
			Map.entry("favor", "favour"), Map.entry("honor", "honour"), Map.entry("modeling", "modelling"),
			Map.entry("modeled", "modelled"), Map.entry("labeling", "labelling"), Map.entry("labeled", "labelled"),
			Map.entry("canceled", "cancelled"), Map.entry("traveled", "travelled"), Map.entry("fulfill", "fulfil"),
			Map.entry("enroll", "enrol"), Map.entry("enrollment", "enrolment"), Map.entry("judgment", "judgement"),
			Map.entry("acknowledgment", "acknowledgement"), Map.entry("analog", "analogue"),
			Map.entry("gray", "grey"), Map.entry("tire", "tyre"), Map.entry("aging", "ageing"));

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
	private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

	public BritishSpellingFilter(TokenStream input) {
		super(input);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!input.incrementToken()) {
			return false;
		}
		if (!keyword.isKeyword()) {
			String word = term.toString();
			String british = british(word);
			if (!british.equals(word)) {
				term.setEmpty().append(british);
			}
		}
		return true;
	}

	/** The British form of a lower-case word (the word itself if it has none). */
	public static String british(String word) {
		String listed = WORDS.get(word);
		if (listed != null) {
			return listed;
		}
		if (word.length() < 6 || NOT_SUFFIXED.contains(word)) {
			return word;
		}
		for (String[] ending : ENDINGS) {
			if (word.endsWith(ending[0])) {
				return word.substring(0, word.length() - ending[0].length()) + ending[1];
			}
		}
		return word;
	}

	/** Longest first. */
	private static final String[][] ENDINGS = { { "izations", "isations" }, { "ization", "isation" },
			{ "izing", "ising" }, { "izers", "isers" }, { "izer", "iser" }, { "izes", "ises" }, { "ized", "ised" },
			{ "ize", "ise" }, { "yzing", "ysing" }, { "yzes", "yses" }, { "yzed", "ysed" }, { "yze", "yse" } };
}
