package uk.interop.kb.account;

import java.security.SecureRandom;
import java.util.Base64;

import uk.interop.kb.shared.Sha256;

/** Random link tokens; only their SHA-256 is stored, so a database copy cannot be used to sign up or reset. */
final class LinkTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private LinkTokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}

	/** A one-time password for the first administrator: 20 characters from an unambiguous alphabet. */
	static String newPassword() {
		String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return password.toString();
	}
}
