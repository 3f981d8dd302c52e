package uk.interop.kb.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import uk.interop.kb.account.Account;
import uk.interop.kb.account.AccountService;
import uk.interop.kb.notification.Email;
import uk.interop.kb.notification.EmailKind;
import uk.interop.kb.notification.MailLinks;
import uk.interop.kb.notification.MailTemplates;
import uk.interop.kb.notification.Outbox;
import uk.interop.kb.notification.UnsubscribeLinks;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.IndexedDocument;

/**
 * Sends the alerts that are due. For each saved search, in one transaction: move its due time on (a
 * conditional update, so of two instances only one sends it), list its matches for what its owner may
 * read now, keep those whose id or content hash the alerts have not told of, write one message with
 * them and record them as told of. A disabled owner gets nothing, and nothing is marked, so nothing
 * is lost should they be enabled again. Members-only documents appear only when the owner may read
 * them at sending time, because the listing is made with the owner's audience then.
 */
@Component
class AlertRun {

	/** One document in a digest. */
	record Item(String title, String summary, String url, boolean updated, String type) {
	}

	private static final Logger log = LoggerFactory.getLogger(AlertRun.class);
	private static final int BATCH = 100;

	private final SavedSearchRepository repository;
	private final SavedSearches searches;
	private final AccountService accounts;
	private final Outbox outbox;
	private final MailTemplates templates;
	private final MailLinks links;
	private final UnsubscribeLinks unsubscribe;
	private final AlertProperties properties;
	private final TransactionOperations transactions;
	private final Clock clock;

	AlertRun(SavedSearchRepository repository, SavedSearches searches, AccountService accounts, Outbox outbox,
			MailTemplates templates, MailLinks links, UnsubscribeLinks unsubscribe, AlertProperties properties,
			TransactionOperations transactions, Clock clock) {
		this.repository = repository;
		this.searches = searches;
		this.accounts = accounts;
		this.outbox = outbox;
		this.templates = templates;
		this.links = links;
		this.unsubscribe = unsubscribe;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Sends every alert due at {@code now}; returns how many messages were written. */
	int runDue(Instant now) {
		int written = 0;
		for (long id : repository.due(now, BATCH)) {
			Boolean sent = transactions.execute(status -> alert(id, now));
			if (Boolean.TRUE.equals(sent)) {
				written++;
			}
		}
		return written;
	}

	void runDueQuietly() {
		try {
			runDue(clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Could not send saved-search alerts: {}", ex.toString());
		}
	}

	private boolean alert(long id, Instant now) {
		Optional<SavedSearch> found = repository.find(id);
		if (found.isEmpty() || found.get().nextDueAt().isEmpty() || found.get().nextDueAt().get().isAfter(now)) {
			return false;
		}
		SavedSearch saved = found.get();
		if (!repository.claim(id, saved.nextDueAt().get(), saved.frequency().nextAfter(now, properties))) {
			return false;
		}
		Optional<Account> owner = accounts.find(saved.accountId());
		Optional<Audience> audience = owner.flatMap(SavedSearches::audienceOf);
		if (audience.isEmpty() || owner.get().email().isEmpty()) {
			return false;
		}
		Map<String, String> seen = repository.seen(id);
		List<IndexedDocument> fresh = new ArrayList<>();
		for (IndexedDocument document : searches.matches(saved.query(), audience.get())) {
			String told = seen.get(document.id());
			if (told == null || !told.equals(document.contentHash())) {
				fresh.add(document);
			}
		}
		if (fresh.isEmpty()) {
			return false;
		}
		write(owner.get(), saved, fresh, seen);
		for (IndexedDocument document : fresh) {
			repository.markSeen(id, document.id(), document.contentHash(), seen.containsKey(document.id()));
		}
		repository.alerted(id, now);
		return true;
	}

	private void write(Account owner, SavedSearch saved, List<IndexedDocument> fresh, Map<String, String> seen) {
		List<Item> items = fresh.stream().limit(properties.maxDocuments())
			.map(d -> new Item(d.document().title(), d.document().summary(), links.absolute(d.url()),
					seen.containsKey(d.id()), d.document().type()))
			.toList();
		String subject = (fresh.size() == 1 ? "1 new result" : fresh.size() + " new results") + " for “" + saved.name()
				+ "”";
		String stop = unsubscribe.forSavedSearch(owner.id(), saved.id());
		Map<String, Object> model = new HashMap<>();
		model.put("heading", subject);
		model.put("name", saved.name());
		model.put("items", items);
		model.put("more", fresh.size() - items.size());
		model.put("searchUrl", links.absolute(saved.searchUrl()));
		model.put("manageUrl", links.absolute("/saved-searches"));
		MailTemplates.Rendered rendered = templates.render("saved-search-alert", model,
				"You got this email because you saved the search “" + saved.name() + "” on Interop KB and asked for alerts ("
						+ saved.frequency().label().toLowerCase(java.util.Locale.ROOT) + ").",
				Optional.of(stop));
		outbox.add(new Email(EmailKind.SAVED_SEARCH_ALERT, owner.email().orElseThrow(), Optional.of(owner.id()),
				subject, rendered.text(), rendered.html(), Optional.of(stop)));
	}
}
