package uk.interop.kb.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;

/**
 * NCSC and OWASP ASVS 5.0 (6.2): length over composition, with no rules about symbols or digits; not a
 * password exposed in a data breach (a list of 437,651, {@code breached-passwords.txt.gz}, see its
 * NOTICE); and not one a strength estimator (zxcvbn) rates guessable, with this service's own words
 * and the person's name and email address added to its dictionary. The refusal says why in plain
 * words and suggests three random words. Paste is allowed; nothing is truncated.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	public static final int MAX_LENGTH = 256;

	/**
	 * zxcvbn's "very unguessable" (score 4): at least 10^10 guesses. Its score 3 (10^8) still lets
	 * {@code Summer2026!!} through.
	 */
	static final double MIN_GUESSES_LOG10 = 10;

	/** Words of this service an attacker would try first; the estimator treats them as a dictionary. */
	static final List<String> SERVICE_WORDS = List.of("interop", "interopkb", "interop-kb", "kb", "knowledge",
			"knowledgebase", "justice", "public", "safety", "police", "policing", "forum", "interoperability",
			"handbook", "lesson", "lessons", "problembook", "npcc", "pds", "password", "admin", "administrator",
			"contributor", "editor", "member", "demo");

	/** The estimator is slow on very long input, and anything this long is not short of guesses. */
	private static final int MEASURED_LENGTH = 100;

	static final String SUGGESTION_WORDS = "com/nulabinc/zxcvbn/matchers/dictionaries/english_wikipedia.txt";

	private final SecureRandom random = new SecureRandom();

	/**
	 * Checks the lists are in the build and leaves loading them (about 170 ms of CPU) to the first
	 * password checked or to {@link #warmUp()} after start-up, so start-up does not wait for them.
	 */
	public PasswordPolicy() {
		for (String list : List.of(BREACHED, SUGGESTION_WORDS)) {
			if (!new ClassPathResource(list).exists()) {
				throw new IllegalStateException("The password list " + list + " is missing from the build");
			}
		}
	}

	/** Loads the lists in the background once the app is ready, so the first person to choose a password does not wait. */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread loader = new Thread(() -> {
			Breached.INSTANCE.contains("");
			Estimator.INSTANCE.measure("warm-up");
			Words.INSTANCE.size();
		}, "password-lists");
		loader.setDaemon(true);
		loader.start();
	}


	/** The reason a password is refused, in words for the person choosing it; empty when it is fine. */
	public Optional<String> problem(String password, String username) {
		return problem(password, username, List.of());
	}

	/**
	 * As {@link #problem(String, String)}, with more of what the person is known by (their display
	 * name) for the estimator's dictionary.
	 */
	public Optional<String> problem(String password, String username, List<String> personalWords) {
		if (password == null || password.isEmpty()) {
			return Optional.of("Enter a password");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("Password must be " + MIN_LENGTH + " characters or more. " + suggestion());
		}
		if (length > MAX_LENGTH) {
			return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (Breached.INSTANCE.contains(lower)) {
			return Optional.of("This password has been exposed in a data breach, so it is one of the first that "
					+ "attackers try. " + suggestion());
		}
		String name = username == null ? "" : username.toLowerCase(Locale.ROOT).replaceAll("@.*", "");
		if (name.length() >= 4 && lower.contains(name)) {
			return Optional.of("Your password must not contain your name, username or email address. " + suggestion());
		}
		List<String> dictionary = new ArrayList<>(SERVICE_WORDS);
		dictionary.addAll(personalWords(username, personalWords));
		Strength strength = Estimator.INSTANCE.measure(password.length() > MEASURED_LENGTH
				? password.substring(0, MEASURED_LENGTH) : password, dictionary);
		if (strength.getGuessesLog10() < MIN_GUESSES_LOG10) {
			return Optional.of(guessable(strength) + " " + suggestion());
		}
		return Optional.empty();
	}

	/** Why the estimator found it guessable, in the person's terms. */
	private static String guessable(Strength strength) {
		boolean ownWords = strength.getSequence().stream()
			.anyMatch(m -> m.pattern == Pattern.Dictionary && "user_inputs".equals(m.dictionaryName));
		if (ownWords) {
			return "This password would be easy to guess: it is built from the name of this service or from your "
					+ "own details.";
		}
		String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
		if (warning != null && !warning.isBlank()) {
			return "This password would be easy to guess. " + warning;
		}
		boolean pattern = strength.getSequence().stream().anyMatch(PasswordPolicy::isPattern);
		return pattern ? "This password would be easy to guess: it follows a pattern (a word, a year, repeated "
				+ "characters or a row of keys) that password-guessing programs try early."
				: "This password would be easy to guess.";
	}

	private static boolean isPattern(Match match) {
		return match.pattern != Pattern.Bruteforce;
	}

	/** Three random words, which make a long password that is easy to remember and hard to guess. */
	String suggestion() {
		return "Try three random words together, for example ‘" + threeRandomWords() + "’.";
	}

	String threeRandomWords() {
		List<String> words = Words.INSTANCE;
		for (int attempt = 0;; attempt++) {
			String candidate = String.join(" ", words.get(random.nextInt(words.size())),
					words.get(random.nextInt(words.size())), words.get(random.nextInt(words.size())));
			// Never suggest what this policy would refuse.
			if (attempt > 20 || (candidate.length() >= MIN_LENGTH && !Breached.INSTANCE.contains(candidate)
					&& Estimator.INSTANCE.measure(candidate, SERVICE_WORDS).getGuessesLog10() >= MIN_GUESSES_LOG10)) {
				return candidate;
			}
		}
	}

	private static List<String> personalWords(String username, List<String> more) {
		List<String> words = new ArrayList<>();
		Stream.concat(Stream.ofNullable(username), more.stream()).filter(w -> w != null && !w.isBlank()).forEach(w -> {
			String lower = w.toLowerCase(Locale.ROOT).strip();
			words.add(lower);
			// An email address: its local part and each word of it and of the domain, minus the ending.
			Arrays.stream(lower.split("[@.\\s_+\\-]+")).filter(part -> part.length() >= 3).forEach(words::add);
			int at = lower.indexOf('@');
			if (at > 0) {
				words.add(lower.substring(0, at));
			}
		});
		words.removeIf(w -> w.equals("com") || w.equals("org") || w.equals("gov") || w.equals("net"));
		return words.stream().distinct().toList();
	}

	/** The breached list, held once: only entries as long as {@link #MIN_LENGTH} (shorter ones are refused anyway). */
	private static final class Breached {
		static final Breached INSTANCE = new Breached();

		private final Set<String> long_;

		private Breached() {
			this.long_ = Set.copyOf(read(line -> line.codePointCount(0, line.length()) >= MIN_LENGTH));
		}

		boolean contains(String lower) {
			return long_.contains(lower);
		}

		static Set<String> read(java.util.function.Predicate<String> keep) {
			Set<String> words = new HashSet<>();
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(
					new GZIPInputStream(new ClassPathResource(BREACHED).getInputStream()), StandardCharsets.UTF_8))) {
				reader.lines().filter(l -> !l.isEmpty() && keep.test(l)).forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The breached-password list is missing from the build", ex);
			}
			return words;
		}
	}

	static final String BREACHED = "account/breached-passwords.txt.gz";

	/** One estimator for the app: it loads its dictionaries once and is safe to share. */
	private static final class Estimator {
		static final Zxcvbn INSTANCE = new Zxcvbn();
	}

	/**
	 * Words for suggestions: zxcvbn's own English list (from Wikipedia), its less common part (ranks
	 * 2,000 to 12,000), plain words of five to eight letters.
	 */
	private static final class Words {
		static final List<String> INSTANCE = load();

		private static List<String> load() {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ClassPathResource(
					SUGGESTION_WORDS).getInputStream(),
					StandardCharsets.UTF_8))) {
				List<String> all = reader.lines().map(String::strip).toList();
				return all.subList(Math.min(2_000, all.size()), Math.min(12_000, all.size())).stream()
					.filter(w -> w.matches("[a-z]{5,8}")).toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("zxcvbn's word list is missing from the build", ex);
			}
		}
	}
}
