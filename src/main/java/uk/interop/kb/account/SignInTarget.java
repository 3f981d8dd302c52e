package uk.interop.kb.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where to go after signing in when the page that sent someone is not one the security chain remembered: the
 * {@code continue} parameter of {@code /sign-in}, such as a members-only document's address from its "page not
 * found". Only a plain path on this site is kept, so it can never send anyone elsewhere.
 */
public final class SignInTarget {

	public static final String PARAMETER = "continue";
	private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

	private SignInTarget() {
	}

	/** The path if it is one to continue to after signing in. */
	public static Optional<String> of(String path) {
		return path != null && path.length() <= 300 && PATH.matcher(path).matches() && !path.contains("..")
				&& !path.startsWith("/sign-")
				? Optional.of(path) : Optional.empty();
	}
}
