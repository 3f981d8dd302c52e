package uk.interop.kb.search.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import uk.interop.kb.account.Role;
import uk.interop.kb.search.Audience;

/**
 * Maps the signed-in user (if any) to what they may read: anyone holding a role that includes member
 * reads members-only documents; anonymous visitors read public documents only.
 */
@Component
public class AudienceResolver {

	public Audience current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Audience.PUBLIC;
		}
		boolean member = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.flatMap(authority -> Role.ofAuthority(authority).stream())
			.anyMatch(role -> role.includes(Role.MEMBER));
		return member ? Audience.MEMBERS : Audience.PUBLIC;
	}
}
