package uk.interop.kb.search;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;


/** Maps the signed-in user (if any) to what they may read. Anonymous visitors read public documents only. */
@Component
public class AudienceResolver {

	private static final Set<String> MEMBER_ROLES = Set.of("ROLE_MEMBER", "ROLE_CONTRIBUTOR", "ROLE_EDITOR",
			"ROLE_ADMIN");

	public Audience current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Audience.PUBLIC;
		}
		boolean member = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.anyMatch(MEMBER_ROLES::contains);
		return member ? Audience.MEMBERS : Audience.PUBLIC;
	}
}
