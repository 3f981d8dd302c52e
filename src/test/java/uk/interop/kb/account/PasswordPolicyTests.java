package uk.interop.kb.account;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@ParameterizedTest
	@ValueSource(strings = { "harbour violet saddle", "quartz meadow lantern", "tortoise lantern orchard 42",
			"correct horse battery staple", "Tr0ub4dor&3xyz!" })
	void longPassphrasesWithoutSymbolsOrDigitsAreAccepted(String password) {
		assertThat(policy.problem(password, "someone@example.org")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "short", "elevenchars" })
	void fewerThanTwelveCharactersIsRefused(String password) {
		assertThat(policy.problem(password, "x")).hasValueSatisfying(p -> assertThat(p).contains("12 characters"));
	}

	/** The hostile test pass's six: 12 characters or more, and every one guessable. */
	@ParameterizedTest
	@ValueSource(strings = { "123456789abc", "111122223333", "passw0rdpassw0rd", "Summer2026!!", "interopkb123",
			"qwertyuiopasdf", "password1234", "Password1234", "aaaaaaaaaaaaaa", "abababababab", "liverpool2026",
			"123456789012", "Interop-KB-2026" })
	void guessablePasswordsAreRefusedWithAReasonAndASuggestion(String password) {
		assertThat(policy.problem(password, "someone@example.org")).hasValueSatisfying(problem -> assertThat(problem)
			.containsAnyOf("easy to guess", "data breach")
			.contains("Try three random words together, for example ‘"));
	}

	@Test
	void theServicesOwnWordsCountAsGuessable() {
		assertThat(policy.problem("interopkb123", "someone@example.org")).hasValueSatisfying(problem -> assertThat(problem)
			.startsWith("This password would be easy to guess: it is built from the name of this service"));
	}

	@Test
	void theNameAndEmailAddressAreInTheDictionary() {
		String password = "zorbulan quexted!";
		assertThat(policy.problem(password, "someone@example.org")).isEmpty();

		assertThat(policy.problem(password, "zq@example.org", List.of("Zorbulan Quexted")))
			.hasValueSatisfying(problem -> assertThat(problem).contains("from your own details"));
		assertThat(policy.problem("zorbulanquexted1", "zorbulan.quexted@example.org"))
			.hasValueSatisfying(problem -> assertThat(problem).contains("from your own details"));
	}

	@Test
	void aPasswordContainingTheUsernameIsRefused() {
		assertThat(policy.problem("my name is jsmith really", "jsmith@example.org"))
			.hasValueSatisfying(p -> assertThat(p).contains("must not contain your name, username or email address"));
	}

	/** Entries of the breached list that the estimator alone would let through: only the list stops them. */
	@ParameterizedTest
	@ValueSource(strings = { "Tojiik85521133", "ne_e_pod_chehyl", "23WKoa0FP78dk", "aksjdlasdakj89879" })
	void passwordsFromTheBreachedListAreRefusedEvenWhenTheyLookStrong(String password) {
		assertThat(policy.problem(password, "someone@example.org")).hasValueSatisfying(problem -> assertThat(problem)
			.startsWith("This password has been exposed in a data breach"));
	}

	@Test
	void theShippedBreachedListHoldsAtLeastTheTopHundredThousand() throws Exception {
		Set<String> entries;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
				new ClassPathResource(PasswordPolicy.BREACHED).getInputStream()), StandardCharsets.UTF_8))) {
			entries = reader.lines().collect(Collectors.toSet());
		}

		assertThat(entries).hasSizeGreaterThanOrEqualTo(400_000);
		// From the first and the last thousand of SecLists' 10-million-password-list-top-100000.txt.
		assertThat(entries).contains("123456", "password", "qwerty", "dragon", "zxcdsaqwe", "0528325452mr",
				"yflz13041976", "Tojiik85521133", "weihnachtsbau", "showmethemoney", "sfhj5484fgh", "w123456789w");
	}

	@Test
	void theSuggestionIsThreeWordsThePolicyAccepts() {
		for (int i = 0; i < 20; i++) {
			String words = policy.threeRandomWords();
			assertThat(words.split(" ")).hasSize(3);
			assertThat(policy.problem(words, "someone@example.org")).as(words).isEmpty();
		}
	}

	@Test
	void veryLongPasswordsAreAcceptedUpToTheLimitAndNotTruncated() {
		assertThat(policy.problem("correct horse battery staple ".repeat(8), "x")).isEmpty();
		assertThat(policy.problem("x".repeat(10) + "y".repeat(300), "x")).isPresent();
	}
}
