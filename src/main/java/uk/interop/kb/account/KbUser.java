package uk.interop.kb.account;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the session holds them. {@code sessionVersion} is compared with the
 * database on every request, so disabling, a role change or a password reset ends the session.
 */
public final class KbUser implements UserDetails, CredentialsContainer {

	private final long id;
	private final String username;
	private final String displayName;
	private final Role role;
	private final int sessionVersion;
	private final boolean mustChangePassword;
	private final boolean enabled;
	private final boolean locked;
	private final boolean passwordSignInAllowed;
	private String passwordHash;

	KbUser(Account account, boolean locked) {
		this(account, locked, true);
	}

	/**
	 * {@code passwordSignInAllowed} is false where the account's domain requires organisation sign-in:
	 * Spring Security then refuses the password (as "expired") whatever was typed.
	 */
	KbUser(Account account, boolean locked, boolean passwordSignInAllowed) {
		this.passwordSignInAllowed = passwordSignInAllowed;
		this.id = account.id();
		this.username = account.username();
		this.displayName = account.displayName();
		this.role = account.role();
		this.sessionVersion = account.sessionVersion();
		this.mustChangePassword = account.mustChangePassword();
		this.enabled = account.enabled();
		this.locked = locked;
		this.passwordHash = account.passwordHash();
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public Role role() {
		return role;
	}

	public int sessionVersion() {
		return sessionVersion;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isAccountNonExpired() {
		return passwordSignInAllowed;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KbUser user && user.id == id;
	}

	@Override
	public int hashCode() {
		return Objects.hash(id);
	}

	@Override
	public String toString() {
		return "KbUser[" + username + ", " + role + "]";
	}
}
