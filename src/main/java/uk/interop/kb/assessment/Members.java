package uk.interop.kb.assessment;

import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.interop.kb.account.AccountOrganisations;
import uk.interop.kb.account.KbUser;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Who is acting for which organisation, read from the account on every request: an administrator's change
 * applies at once, and someone moved to another organisation stops seeing the old one's records.
 */
@Component
public class Members {

	private final AccountOrganisations organisations;
	private final Taxonomy taxonomy;

	Members(AccountOrganisations organisations, Taxonomy taxonomy) {
		this.organisations = organisations;
		this.taxonomy = taxonomy;
	}

	/** Empty for nobody signed in, or an account with no organisation. */
	public Optional<Member> of(KbUser user) {
		return user == null ? Optional.empty() : organisations.of(user.id()).map(o -> new Member(user, o));
	}

	/** For routes about one organisation's records: without an organisation there is nothing to find. */
	public Member require(KbUser user) {
		return of(user).orElseThrow(AssessmentNotFoundException::new);
	}

	public String label(String organisation) {
		return taxonomy.vocabulary(Taxonomy.ORGANISATIONS).label(organisation);
	}
}
