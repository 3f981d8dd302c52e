package uk.interop.kb.alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import uk.interop.kb.account.Account;
import uk.interop.kb.account.AccountService;
import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.notification.AlertUnsubscribed;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.web.SearchRequestParser;
import uk.interop.kb.search.web.SearchUrls;

/**
 * Saving, listing, changing and deleting saved searches. A search is kept as the search page's own
 * query string, so running it later gives the page a person saw. Saving records every document that
 * matches now as already told of: the first alert brings only what is new after that.
 */
@Service
public class SavedSearches {

	static final int MAX_NAME = 100;
	/** Matches looked at per alert: far more than any digest lists, and cheap for the listing. */
	static final int MAX_MATCHES = 1000;

	private final SavedSearchRepository repository;
	private final SearchRequestParser parser;
	private final FacetLabels labels;
	private final DocumentListing listing;
	private final FacetedSearch search;
	private final AccountService accounts;
	private final AlertProperties properties;
	private final Clock clock;

	SavedSearches(SavedSearchRepository repository, SearchRequestParser parser, FacetLabels labels,
			DocumentListing listing, FacetedSearch search, AccountService accounts, AlertProperties properties,
			Clock clock) {
		this.repository = repository;
		this.parser = parser;
		this.labels = labels;
		this.listing = listing;
		this.search = search;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	/** A search as the "save" form describes it: its query string, a suggested name and its filters in words. */
	public record Draft(String query, String suggestedName, List<String> description) {
	}

	/** A saved search on "Your saved searches", with its current result count for its owner. */
	public record Listed(SavedSearch search, long count) {
	}

	public Draft draft(MultiValueMap<String, String> params) {
		SearchRequest request = parser.parse(params, false, SearchRequest.DEFAULT_SIZE).request();
		String url = SearchUrls.of(request.withPage(1, SearchRequest.DEFAULT_SIZE));
		// A literal '+' left unencoded would read back as a space: keep it a plus.
		String query = url.contains("?") ? url.substring(url.indexOf('?') + 1).replace("+", "%2B") : "";
		List<String> description = new ArrayList<>();
		if (!request.query().isEmpty()) {
			description.add("Keywords: " + request.query());
		}
		List<String> filters = new ArrayList<>();
		for (Facet facet : Facet.values()) {
			for (String value : request.selected(facet).stream().sorted().toList()) {
				String label = labels.label(facet, value);
				description.add(facet.label() + ": " + label);
				filters.add(label);
			}
		}
		if (description.isEmpty()) {
			description.add("Everything you can read");
		}
		String name = !request.query().isEmpty() ? request.query()
				: filters.isEmpty() ? "Everything new" : String.join(", ", filters);
		return new Draft(query, name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name, description);
	}

	/** Saves; field errors (nothing saved) or the new id. */
	public record Saved(Map<String, String> errors, Optional<Long> id) {
	}

	@Transactional
	public Saved save(KbUser owner, String name, String query, String frequencyName) {
		Map<String, String> errors = new LinkedHashMap<>();
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			errors.put("name", "Enter a name for this search");
		}
		else if (trimmed.length() > MAX_NAME) {
			errors.put("name", "The name must be " + MAX_NAME + " characters or fewer");
		}
		Optional<Frequency> frequency = Frequency.parse(frequencyName == null ? "" : frequencyName);
		if (frequency.isEmpty()) {
			errors.put("frequency", "Choose how often to email you");
		}
		if (repository.countByAccount(owner.id()) >= properties.maxPerPerson()) {
			errors.put("name", "You have " + properties.maxPerPerson() + " saved searches, the most you can keep: "
					+ "delete one first");
		}
		if (!errors.isEmpty()) {
			return new Saved(errors, Optional.empty());
		}
		String canonical = draft(parse(query)).query();
		Instant now = clock.instant();
		long id = repository.insert(owner.id(), trimmed, canonical, frequency.get(), now,
				frequency.get().nextAfter(now, properties));
		// Everything that matches now counts as told of: alerts bring only what comes after.
		for (IndexedDocument document : matches(canonical, audience(accounts.find(owner.id()).orElseThrow()))) {
			repository.markSeen(id, document.id(), document.contentHash(), false);
		}
		return new Saved(Map.of(), Optional.of(id));
	}

	public List<Listed> list(KbUser owner, Audience audience) {
		return repository.byAccount(owner.id()).stream()
			.map(saved -> new Listed(saved, search.search(request(saved.query()).withPage(1, 1), audience).total()))
			.toList();
	}

	public Optional<SavedSearch> mine(KbUser owner, long id) {
		return repository.find(id).filter(s -> s.accountId() == owner.id());
	}

	@Transactional
	public void setFrequency(KbUser owner, long id, Frequency frequency) {
		mine(owner, id).ifPresent(saved -> repository.setFrequency(id, frequency,
				frequency.nextAfter(clock.instant(), properties)));
	}

	@Transactional
	public void delete(KbUser owner, long id) {
		mine(owner, id).ifPresent(saved -> repository.delete(id));
	}

	/** The one-click link in an alert: turns that saved search's alerts off, if the link's account owns it. */
	@EventListener
	void on(AlertUnsubscribed unsubscribed) {
		repository.find(unsubscribed.savedSearchId()).filter(s -> s.accountId() == unsubscribed.accountId())
			.ifPresent(saved -> repository.setFrequency(saved.id(), Frequency.OFF, Optional.empty()));
	}

	/** What an account may read now: nothing at all when it is disabled. */
	static Optional<Audience> audienceOf(Account account) {
		if (!account.enabled()) {
			return Optional.empty();
		}
		return Optional.of(account.role().includes(Role.MEMBER) ? Audience.MEMBERS : Audience.PUBLIC);
	}

	private static Audience audience(Account account) {
		return audienceOf(account).orElse(Audience.PUBLIC);
	}

	/** Every match of a stored query for this audience, in the search page's order. */
	List<IndexedDocument> matches(String query, Audience audience) {
		return listing.matches(request(query), audience, MAX_MATCHES);
	}

	SearchRequest request(String query) {
		return parser.parse(parse(query), false, SearchRequest.DEFAULT_SIZE).request();
	}

	/** A stored or posted query string as request parameters. */
	MultiValueMap<String, String> paramsOf(String query) {
		return parse(query);
	}

	private static MultiValueMap<String, String> parse(String query) {
		MultiValueMap<String, String> raw = UriComponentsBuilder.fromUriString("/search?" + (query == null ? "" : query))
			.build().getQueryParams();
		MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
		raw.forEach((key, values) -> values.forEach(value -> decoded.add(UriUtils.decode(key, StandardCharsets.UTF_8),
				value == null ? "" : UriUtils.decode(value, StandardCharsets.UTF_8))));
		return decoded;
	}
}
