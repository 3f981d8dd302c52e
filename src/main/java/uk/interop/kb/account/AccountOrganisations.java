package uk.interop.kb.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * Which organisation (from {@code organisations.yml}) an account belongs to: one at most, set by
 * administrators. Features that keep an organisation's own records (self-assessments, improvement
 * actions) ask here on every request, so a change applies at once without ending sessions.
 */
@Service
public class AccountOrganisations {

	private final JdbcClient jdbc;
	private final AccountRepository accounts;
	private final Taxonomy taxonomy;
	private final AuditLog audit;
	private final Clock clock;

	AccountOrganisations(JdbcClient jdbc, AccountRepository accounts, Taxonomy taxonomy, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.taxonomy = taxonomy;
		this.audit = audit;
		this.clock = clock;
	}

	/** The organisation id of an account, if it has one that the taxonomy still knows. */
	public Optional<String> of(long accountId) {
		return jdbc.sql("select organisation_id from account_organisation where account_id = :id")
			.param("id", accountId).query(String.class).optional().filter(organisations()::contains);
	}

	/** The organisation's concept, for its label. */
	public Optional<Concept> concept(long accountId) {
		return of(accountId).flatMap(organisations()::concept);
	}

	/** Account id → organisation id, for the administrators' list. */
	public Map<Long, String> all() {
		Map<Long, String> byAccount = new java.util.HashMap<>();
		jdbc.sql("select account_id, organisation_id from account_organisation")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
			.forEach(e -> byAccount.put(e.getKey(), e.getValue()));
		return byAccount;
	}

	/** What an administrator may choose from, in taxonomy order. */
	public List<Concept> choices() {
		return organisations().concepts();
	}

	/** Sets (or, with an empty id, clears) the account's organisation; field errors when the id is unknown. */
	@Transactional
	public AccountService.Errors set(KbUser admin, long accountId, String organisationId, String source) {
		Account account = accounts.findById(accountId).orElseThrow();
		String wanted = organisationId == null ? "" : organisationId.strip();
		if (!wanted.isEmpty() && !organisations().contains(wanted)) {
			return new AccountService.Errors(Map.of("organisation", "Select an organisation from the list"));
		}
		Optional<String> current = of(accountId);
		if (current.orElse("").equals(wanted)) {
			return AccountService.Errors.none();
		}
		jdbc.sql("delete from account_organisation where account_id = :id").param("id", accountId).update();
		if (!wanted.isEmpty()) {
			jdbc.sql("""
					insert into account_organisation (account_id, organisation_id, set_by, set_at)
					values (:id, :organisation, :by, :at)""")
				.param("id", accountId).param("organisation", wanted).param("by", admin.id())
				.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
		}
		audit.record(admin.getUsername(), "ORGANISATION_CHANGED", account.username(),
				current.orElse("none") + " to " + (wanted.isEmpty() ? "none" : wanted), source);
		return AccountService.Errors.none();
	}

	/** For the demo profile and tests: puts an account in an organisation, recorded as set by the system. */
	void assign(long accountId, String organisationId) {
		if (!organisations().contains(organisationId)) {
			throw new IllegalArgumentException("Unknown organisation " + organisationId);
		}
		jdbc.sql("delete from account_organisation where account_id = :id").param("id", accountId).update();
		jdbc.sql("""
				insert into account_organisation (account_id, organisation_id, set_by, set_at)
				values (:id, :organisation, :id, :at)""")
			.param("id", accountId).param("organisation", organisationId)
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
		audit.record("system", "ORGANISATION_CHANGED", String.valueOf(accountId), "to " + organisationId, null);
	}

	private Vocabulary organisations() {
		return taxonomy.vocabulary(Taxonomy.ORGANISATIONS);
	}
}
