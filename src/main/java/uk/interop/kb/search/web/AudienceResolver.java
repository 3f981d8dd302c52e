package uk.interop.kb.search.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import uk.interop.kb.account.Role;
import uk.interop.kb.search.Audience;

/**
 * Maps the signed-in user (if any) to what they may read: anyone holding a role that includes member
 * reads members-only documents; anonymous visitors read public documents only. Editors (and administrators)
 * also see editorial information, such as which documents are due for review.
 */
@Component
public class AudienceResolver {

	public Audience current() {
		return holds(Role.MEMBER) ? Audience.MEMBERS : Audience.PUBLIC;
	}

	/** Whether the signed-in user is an editor or administrator. */
	public boolean editor() {
		return holds(Role.EDITOR);
	}

	private static boolean holds(Role wanted) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.flatMap(authority -> Role.ofAuthority(authority).stream())
			.anyMatch(role -> role.includes(wanted));
	}
}
