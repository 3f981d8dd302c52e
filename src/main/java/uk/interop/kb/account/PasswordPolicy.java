package uk.interop.kb.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NCSC/ASVS-style rules: long enough, no composition rules, not a known common password,
 * not built from the username. Paste is allowed; nothing is truncated.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	public static final int MAX_LENGTH = 256;

	private final Set<String> denied;

	public PasswordPolicy() {
		this.denied = load();
	}

	/** The reason a password is refused, in words for the person choosing it; empty when it is fine. */
	public Optional<String> problem(String password, String username) {
		if (password == null || password.isEmpty()) {
			return Optional.of("Enter a password");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("Password must be " + MIN_LENGTH + " characters or more");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (denied.contains(lower) || lower.chars().distinct().count() <= 2) {
			return Optional.of("Password is too common: choose one that would be hard to guess, such as three random words");
		}
		String name = username == null ? "" : username.toLowerCase(Locale.ROOT).replaceAll("@.*", "");
		if (name.length() >= 4 && lower.contains(name)) {
			return Optional.of("Password must not contain your username");
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("account/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The common-password list is missing from the build", ex);
		}
		return Set.copyOf(words);
	}
}
