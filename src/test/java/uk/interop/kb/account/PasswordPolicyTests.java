package uk.interop.kb.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void aLongPassphraseWithoutSymbolsOrDigitsIsAccepted() {
		assertThat(policy.problem("harbour violet saddle", "someone@example.org")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "short", "elevenchars" })
	void fewerThanTwelveCharactersIsRefused(String password) {
		assertThat(policy.problem(password, "x")).hasValueSatisfying(p -> assertThat(p).contains("12 characters"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "Password1234", "qwertyuiop123", "aaaaaaaaaaaaaa", "abababababab",
			"liverpool2026", "123456789012" })
	void commonPasswordsAreRefusedWhateverTheirCase(String password) {
		assertThat(policy.problem(password, "x")).hasValueSatisfying(p -> assertThat(p).contains("too common"));
	}

	@Test
	void aPasswordContainingTheUsernameIsRefused() {
		assertThat(policy.problem("my name is jsmith really", "jsmith@example.org"))
			.hasValueSatisfying(p -> assertThat(p).contains("username"));
	}

	@Test
	void veryLongPasswordsAreAcceptedUpToTheLimitAndNotTruncated() {
		assertThat(policy.problem("correct horse battery staple ".repeat(8), "x")).isEmpty();
		assertThat(policy.problem("x".repeat(10) + "y".repeat(300), "x")).isPresent();
	}
}
