package uk.interop.kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * Writes N Markdown documents with valid front matter drawn from the real taxonomy and bodies
 * of 1 to 10 KB whose words are drawn Zipf-like from the words of the real {@code content/}
 * (most frequent first) followed by made-up filler words (the long tail). Document i depends
 * only on the seed and i, so a smaller corpus is the start of a larger one.
 */
final class CorpusGenerator {

	/** Bump when the generated text changes, so a cached corpus is written again. */
	static final String VERSION = "corpus-2";

	private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
	private static final int FILLER_WORDS = 20_000;
	private static final double ZIPF_EXPONENT = 1.0;
	private static final String[] SYLLABLES = { "ka", "lo", "mer", "tin", "sa", "vor", "el", "ni", "pra", "dun", "ko",
			"ra", "bel", "si", "tor", "ma", "gen", "lu", "fa", "ris" };
	/** Folder and type, with the share of documents of each type (out of 20). */
	private static final String[][] TYPES = { { "lessons", "lesson", "10" }, { "case-studies", "case-study", "4" },
			{ "forum", "forum-writeup", "3" }, { "problem-book", "problem-book-entry", "2" },
			{ "handbook", "handbook-chapter", "1" } };
	private static final Map<String, List<String>> SECTIONS = Map.of("lesson",
			List.of("What happened", "What we learned", "Recommendation", "Evidence"), "case-study",
			List.of("What happened", "What we learned", "Recommendation", "Evidence"), "problem-book-entry",
			List.of("Problem statement", "Who is affected", "Current workaround", "Why these levels"), "forum-writeup",
			List.of("The session", "What was discussed", "Actions"), "handbook-chapter",
			List.of("Overview", "Indicators", "Examples", "Further reading"));

	private final Taxonomy taxonomy;
	private final Path taxonomyDir;
	private final long seed;
	private final String[] words;
	private final double[] cumulative;
	private final String[] titleWords;
	private final Map<String, String> sectorOfOrganisation = new HashMap<>();

	CorpusGenerator(Path realContent, long seed) {
		this.taxonomyDir = realContent.resolve("taxonomy");
		this.taxonomy = new TaxonomyLoader().load(taxonomyDir);
		this.seed = seed;
		List<String> vocabulary = vocabulary(realContent);
		Random filler = new Random(seed);
		Set<String> all = new LinkedHashSet<>(vocabulary);
		while (all.size() < vocabulary.size() + FILLER_WORDS) {
			StringBuilder w = new StringBuilder();
			int syllables = 2 + filler.nextInt(3);
			for (int s = 0; s < syllables; s++) {
				w.append(SYLLABLES[filler.nextInt(SYLLABLES.length)]);
			}
			all.add(w.toString());
		}
		this.words = all.toArray(String[]::new);
		this.cumulative = new double[words.length];
		double sum = 0;
		for (int r = 0; r < words.length; r++) {
			sum += 1.0 / Math.pow(r + 1, ZIPF_EXPONENT);
			cumulative[r] = sum;
		}
		for (int r = 0; r < words.length; r++) {
			cumulative[r] /= sum;
		}
		this.titleWords = vocabulary.stream().filter(w -> w.length() >= 5).limit(1500).toArray(String[]::new);
		for (Concept c : taxonomy.vocabulary(Taxonomy.ORGANISATIONS).concepts()) {
			sectorOfOrganisation.put(c.id(), c.text("sector"));
		}
	}

	Taxonomy taxonomy() {
		return taxonomy;
	}

	int vocabularySize() {
		return words.length;
	}

	/** The words of the real content, lower-cased, most frequent first (ties alphabetically). */
	static List<String> vocabulary(Path realContent) {
		Map<String, Integer> counts = new HashMap<>();
		try (Stream<Path> walk = Files.walk(realContent)) {
			for (Path p : walk.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
				String text = Files.readString(p);
				if (text.startsWith("---")) {
					int end = text.indexOf("\n---", 3);
					text = end > 0 ? text.substring(end + 4) : text;
				}
				Matcher m = WORD.matcher(text);
				while (m.find()) {
					String w = m.group().toLowerCase(Locale.ROOT);
					if (w.length() > 1 || w.equals("a")) {
						counts.merge(w, 1, Integer::sum);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> sorted = new ArrayList<>(counts.keySet());
		sorted.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
		return sorted;
	}

	/**
	 * Writes documents 0..count-1 (and the real taxonomy) under {@code dir}, unless a finished
	 * corpus of this version, seed and size is already there.
	 */
	boolean writeCorpus(Path dir, int count) {
		Path marker = dir.resolve(".bench-corpus");
		String expected = VERSION + " seed=" + seed + " count=" + count;
		try {
			if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected)) {
				return false;
			}
			deleteTree(dir);
			Files.createDirectories(dir.resolve("taxonomy"));
			try (Stream<Path> files = Files.list(taxonomyDir)) {
				for (Path f : files.toList()) {
					Files.copy(f, dir.resolve("taxonomy").resolve(f.getFileName()));
				}
			}
			for (int i = 0; i < count; i++) {
				Generated doc = document(i);
				Path file = dir.resolve(doc.path());
				Files.createDirectories(file.getParent());
				Files.writeString(file, doc.text(), StandardCharsets.UTF_8);
			}
			Files.writeString(marker, expected);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A document's path below the content folder and its whole file text. */
	record Generated(String path, String text) {
	}

	Generated document(int i) {
		Random random = new Random(seed * 1_000_003L + i);
		String[] type = type(random);
		String path = type[0] + "/b" + String.format(Locale.ROOT, "%04d", i / 1000) + "/syn-"
				+ String.format(Locale.ROOT, "%07d", i) + ".md";
		return new Generated(path, text(type[1], random, i, ""));
	}

	/** A document with an extra marker word in its body, for the publish-to-searchable measure. */
	Generated document(int i, String folder, String marker) {
		Random random = new Random(seed * 7_000_003L + i);
		return new Generated(folder + "/pub-" + i + ".md", text("lesson", random, i, marker));
	}

	private String[] type(Random random) {
		int pick = random.nextInt(20);
		for (String[] t : TYPES) {
			pick -= Integer.parseInt(t[2]);
			if (pick < 0) {
				return t;
			}
		}
		return TYPES[0];
	}

	private String text(String type, Random random, int i, String marker) {
		List<String> organisations = pick(taxonomy.vocabulary(Taxonomy.ORGANISATIONS), random, 0, 3);
		Set<String> sectors = new LinkedHashSet<>();
		organisations.forEach(o -> {
			String s = sectorOfOrganisation.getOrDefault(o, "");
			if (!s.isEmpty()) {
				sectors.add(s);
			}
		});
		if (sectors.isEmpty()) {
			sectors.addAll(pick(taxonomy.vocabulary(Taxonomy.SECTORS), random, 1, 2));
		}
		LocalDate published = LocalDate.of(2012, 1, 1).plusDays(random.nextInt(14 * 365 + 100));
		StringBuilder out = new StringBuilder("---\n");
		out.append("title: \"").append(title(random)).append("\"\n");
		out.append("type: ").append(type).append('\n');
		out.append("summary: >-\n  ").append(summary(random)).append('\n');
		out.append("levels: ").append(yamlList(pick(taxonomy.levels(), random, 1, 3))).append('\n');
		out.append("themes: ").append(yamlList(pick(taxonomy.themes(), random, 1, 3))).append('\n');
		out.append("organisations: ").append(yamlList(organisations)).append('\n');
		out.append("sector: ").append(yamlList(List.copyOf(sectors))).append('\n');
		if (type.equals("lesson") || type.equals("case-study")) {
			out.append("outcome: ").append(pick(taxonomy.vocabulary(Taxonomy.OUTCOMES), random, 1, 1).get(0))
				.append('\n');
		}
		out.append("barriers: ").append(yamlList(pick(taxonomy.vocabulary(Taxonomy.BARRIERS), random, 0, 3)))
			.append('\n');
		out.append("published: ").append(published).append('\n');
		out.append("authors: [Interop KB benchmark]\n");
		out.append("visibility: ").append(random.nextInt(5) == 0 ? "members" : "public").append('\n');
		out.append("source: Generated for benchmarking; describes no real organisation.\n");
		out.append("illustrative: true\n");
		if (type.equals("problem-book-entry")) {
			out.append("reference: PB-").append(String.format(Locale.ROOT, "%04d", 1000 + i % 9000)).append('\n');
			out.append("status: ").append(List.of("proposed", "under-review", "agreed").get(random.nextInt(3)))
				.append('\n');
		}
		out.append("---\n\n");
		int target = 1024 + random.nextInt(9 * 1024) - out.length();
		int start = out.length();
		List<String> sections = SECTIONS.get(type);
		int section = 0;
		boolean markerWritten = marker.isEmpty();
		while (out.length() - start < target || section == 0) {
			if (section < sections.size() && (section == 0 || random.nextInt(3) == 0)) {
				out.append("## ").append(sections.get(section++)).append("\n\n");
			}
			if (random.nextInt(5) == 0) {
				int items = 3 + random.nextInt(3);
				for (int k = 0; k < items; k++) {
					out.append("- ").append(sentence(random, 6, 14)).append('\n');
				}
				out.append('\n');
			}
			else {
				int sentences = 2 + random.nextInt(4);
				for (int k = 0; k < sentences; k++) {
					out.append(k == 0 ? "" : " ").append(sentence(random, 8, 22));
				}
				if (!markerWritten) {
					out.append(" The ").append(marker).append(" record was published for the delay check.");
					markerWritten = true;
				}
				out.append("\n\n");
			}
		}
		return out.toString();
	}

	private String title(Random random) {
		int n = 5 + random.nextInt(7);
		StringBuilder t = new StringBuilder();
		for (int k = 0; k < n; k++) {
			String w = k % 2 == 0 ? titleWords[zipfIndex(random, titleWords.length)] : word(random);
			t.append(k == 0 ? capitalise(w) : " " + w);
		}
		return t.toString();
	}

	private String summary(Random random) {
		StringBuilder s = new StringBuilder();
		while (s.length() < 180) {
			s.append(s.length() == 0 ? "" : " ").append(sentence(random, 10, 20));
		}
		return s.length() <= 580 ? s.toString() : s.substring(0, s.lastIndexOf(" ", 579)) + ".";
	}

	private String sentence(Random random, int min, int max) {
		int n = min + random.nextInt(max - min + 1);
		StringBuilder s = new StringBuilder();
		for (int k = 0; k < n; k++) {
			String w = word(random);
			if (k == 0) {
				s.append(capitalise(w));
			}
			else if (random.nextInt(40) == 0) {
				s.append(" **").append(w).append("**");
			}
			else {
				s.append(' ').append(w);
			}
		}
		return s.append('.').toString();
	}

	private String word(Random random) {
		int r = Arrays.binarySearch(cumulative, random.nextDouble());
		return words[Math.min(words.length - 1, r >= 0 ? r : -r - 1)];
	}

	/** A rough Zipf pick over the first {@code n} entries: index = n^u - 1. */
	private static int zipfIndex(Random random, int n) {
		return Math.min(n - 1, (int) Math.pow(n, random.nextDouble()) - 1);
	}

	private static List<String> pick(Vocabulary vocabulary, Random random, int min, int max) {
		List<String> ids = new ArrayList<>(vocabulary.concepts().stream().map(Concept::id).toList());
		Collections.shuffle(ids, random);
		return List.copyOf(ids.subList(0, Math.min(ids.size(), min + random.nextInt(max - min + 1))));
	}

	private static String yamlList(List<String> values) {
		return "[" + String.join(", ", values) + "]";
	}

	private static String capitalise(String w) {
		return Character.toUpperCase(w.charAt(0)) + w.substring(1);
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
