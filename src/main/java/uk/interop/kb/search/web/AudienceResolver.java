package uk.interop.kb.search.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import uk.interop.kb.account.Role;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.SearchRequest;

/**
 * Maps the signed-in user (if any) to what they may read: anyone holding a role that includes member
 * reads members-only documents; anonymous visitors read public documents only. Editors (and administrators)
 * also see editorial information, such as which documents are due for review.
 */
@Component
public class AudienceResolver {

	private final Clock clock;

	public AudienceResolver(Clock clock) {
		this.clock = clock;
	}

	public Audience current() {
		return holds(Role.MEMBER) ? Audience.MEMBERS : Audience.PUBLIC;
	}

	/** Whether the signed-in user is an editor or administrator. */
	public boolean editor() {
		return holds(Role.EDITOR);
	}

	/**
	 * The review facet for this caller: shown on today's date for editors (review dates are editorial
	 * information), {@link SearchRequest.Review#NONE} for everyone else. The page and the API both ask here.
	 */
	public SearchRequest.Review reviewFacet() {
		return editor() ? SearchRequest.Review.forEditor(LocalDate.now(clock), false) : SearchRequest.Review.NONE;
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
