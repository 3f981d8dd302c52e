package uk.interop.kb.assessment;

import uk.interop.kb.account.KbUser;

/** A signed-in person acting for the organisation their account belongs to. */
public record Member(KbUser user, String organisation) {

	public long id() {
		return user.id();
	}

	public String name() {
		return user.displayName();
	}
}
