package uk.interop.kb.alert;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import uk.interop.kb.account.AccountService;
import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.content.Visibility;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.submission.SubmissionService;
import uk.interop.kb.support.Contributions;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.TestMail;
import uk.interop.kb.support.TestMail.Mail;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved searches over real HTTP, and their alerts through the real outbox to GreenMail: a digest
 * holds exactly the matching documents that are new or changed since the last alert, for what the
 * subscriber may read when it is sent; once per alert, even with two instances racing.
 */
@KbApplicationTest
class SavedSearchAlertTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	AccountService accountService;

	@Autowired
	UserDetailsService users;

	@Autowired
	SubmissionService submissions;

	@Autowired
	SavedSearches savedSearches;

	@Autowired
	SavedSearchRepository repository;

	@Autowired
	AlertRun alerts;

	@Autowired
	DocumentListing listing;

	@Autowired
	FacetedSearch search;

	@Autowired
	JdbcClient jdbc;

	private KbUser user(String username) {
		return (KbUser) users.loadUserByUsername(username);
	}

	private WebSession signedIn(String username) {
		WebSession web = new WebSession(port);
		assertThat(web.signIn(username, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
		return web;
	}

	private static String word() {
		return "zk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private long alertsWritten(String recipient) {
		return jdbc.sql("select count(*) from outbox_message where recipient = :r and kind = 'SAVED_SEARCH_ALERT'")
			.param("r", recipient).query(Long.class).single();
	}

	/** Saves through the real form, as the search page's link leads there; returns the saved search's id. */
	private long saveOverHttp(WebSession web, String query, String name, String frequency) {
		HttpResponse<String> form = web.get("/saved-searches/new?" + query);
		assertThat(form.statusCode()).isEqualTo(200);
		String hidden = form.body().replaceAll("(?s).*name=\"query\" value=\"([^\"]*)\".*", "$1").replace("&amp;", "&");
		HttpResponse<String> saved = web.post("/saved-searches/new?" + query, "/saved-searches",
				Map.of("name", name, "query", hidden, "frequency", frequency));
		assertThat(saved.statusCode()).isEqualTo(302);
		return jdbc.sql("select max(id) from saved_search where name = :n").param("n", name).query(Long.class).single();
	}

	private Instant later = Instant.now();

	/** Runs the alerts as the scheduler would, each run ten minutes after the last: every "within minutes" alert is due. */
	private synchronized int runAlerts() {
		later = (later.isBefore(Instant.now()) ? Instant.now() : later).plus(Duration.ofMinutes(10));
		return alerts.runDue(later);
	}

	@Test
	void aSearchWithKeywordsAndFiltersIsSavedFromTheSearchPageAndListedWithItsCountAndFeed() {
		String member = accounts.fresh("saver", Role.MEMBER);
		WebSession web = signedIn(member);
		String results = web.get("/search?q=records&level=semantic").body();
		assertThat(results).contains("href=\"/saved-searches/new?q=records&amp;level=semantic\"");
		String form = web.get("/saved-searches/new?q=records&level=semantic").body();
		assertThat(form).contains("Keywords: records").contains("Interoperability level: Semantic");
		long id = saveOverHttp(web, "q=records&level=semantic", "Semantic records", "DAILY");

		long count = search.search(SearchRequest.of("records").withFilter(uk.interop.kb.search.Facet.LEVEL, "semantic"),
				Audience.MEMBERS).total();
		assertThat(count).isPositive();
		String list = web.get("/saved-searches").body();
		assertThat(list).contains("Semantic records").contains(count + " results")
			.contains("href=\"/search?q=records&amp;level=semantic\"")
			.contains("href=\"/search.atom?q=records&amp;level=semantic\"");
		assertThat(repository.find(id).orElseThrow().frequency()).isEqualTo(Frequency.DAILY);
		assertThat(repository.find(id).orElseThrow().nextDueAt()).isPresent();

		assertThat(signedIn(accounts.fresh("other", Role.MEMBER)).get("/saved-searches").body())
			.doesNotContain("Semantic records");
		HttpResponse<String> notMine = signedIn(accounts.fresh("other", Role.MEMBER)).post("/saved-searches",
				"/saved-searches/" + id + "/delete", Map.of());
		assertThat(notMine.statusCode()).isEqualTo(404);
		assertThat(repository.find(id)).isPresent();
	}

	@Test
	void aMissingNameIsAClearErrorAndKeepsTheSearch() {
		WebSession web = signedIn(accounts.fresh("nameless", Role.MEMBER));
		HttpResponse<String> answer = web.post("/saved-searches/new?q=records", "/saved-searches",
				Map.of("name", " ", "query", "q=records", "frequency", "DAILY"));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("Enter a name for this search").contains("Keywords: records")
			.contains("value=\"q=records\"");
	}

	@Test
	void aDigestHoldsExactlyWhatIsNewOrChangedSinceTheLastAlert() throws Exception {
		String member = accounts.fresh("alerted", Role.MEMBER);
		KbUser contributor = user(accounts.user(Role.CONTRIBUTOR));
		KbUser editor = user(accounts.user(Role.EDITOR));
		String word = word();
		long id = saveOverHttp(signedIn(member), "q=" + word, "Word " + word, "IMMEDIATE");
		runAlerts();
		assertThat(alertsWritten(member)).as("nothing matches yet").isZero();

		Contributions.published(submissions, contributor, editor, "First lesson on " + word, word, "public");
		assertThat(runAlerts()).isPositive();
		Mail first = TestMail.awaitSubject(member, "1 new result for “Word " + word + "”");
		assertThat(first.text()).contains("First lesson on " + word);
		String link = first.link("/documents/contributions/");
		HttpResponse<String> page = new Http(port).page(URI.create(link).getPath());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("First lesson on " + word);
		assertThat(first.link("/search?q=" + word)).isNotBlank();
		assertThat(first.header("List-Unsubscribe").orElseThrow()).contains("/unsubscribe/");

		runAlerts();
		assertThat(alertsWritten(member)).as("nothing new since").isEqualTo(1);

		Contributions.published(submissions, contributor, editor, "Second lesson on " + word, word, "public");
		// The first lesson changed too: its content hash is no longer the one the alert told of.
		IndexedDocument firstDocument = listing.matches(SearchRequest.of("\"First lesson on " + word + "\""),
				Audience.MEMBERS, 1).get(0);
		jdbc.sql("update saved_search_seen set content_hash = 'older' where saved_search_id = :id and document_id = :doc")
			.param("id", id).param("doc", firstDocument.id()).update();
		runAlerts();
		Mail second = TestMail.awaitSubject(member, "2 new results");
		assertThat(second.text()).contains("Second lesson on " + word).contains("First lesson on " + word + " (updated)");

		assertThat(second.oneClickUnsubscribe("").statusCode()).isEqualTo(200);
		assertThat(repository.find(id).orElseThrow().frequency()).isEqualTo(Frequency.OFF);
		Contributions.published(submissions, contributor, editor, "Third lesson on " + word, word, "public");
		runAlerts();
		assertThat(alertsWritten(member)).as("unsubscribed").isEqualTo(2);
	}

	@Test
	void membersOnlyDocumentsReachOnlyThoseAllowedToReadThemWhenTheAlertIsSent() {
		KbUser contributor = user(accounts.user(Role.CONTRIBUTOR));
		KbUser editor = user(accounts.user(Role.EDITOR));
		String word = word();
		String reader = accounts.fresh("reader", Role.MEMBER);
		String leaver = accounts.fresh("leaver", Role.MEMBER);
		saveOverHttp(signedIn(reader), "q=" + word, "Members " + word, "IMMEDIATE");
		saveOverHttp(signedIn(leaver), "q=" + word, "Leaver " + word, "IMMEDIATE");
		Contributions.published(submissions, contributor, editor, "Open lesson on " + word, word, "public");
		Contributions.published(submissions, contributor, editor, "Closed lesson on " + word, word, "members");
		accountService.setEnabled(user(accounts.user(Role.ADMIN)), accounts.id(leaver), false, "test");

		runAlerts();
		Mail mail = TestMail.awaitSubject(reader, "2 new results");
		assertThat(mail.text()).contains("Open lesson on " + word).contains("Closed lesson on " + word);
		assertThat(alertsWritten(leaver)).as("a disabled account may read nothing: no alert").isZero();

		// What each audience is told of is exactly the listing for that audience.
		String query = "q=" + word;
		List<String> forPublic = savedSearches.matches(query, Audience.PUBLIC).stream().map(d -> d.document().title())
			.toList();
		List<String> forMembers = savedSearches.matches(query, Audience.MEMBERS).stream()
			.map(d -> d.document().title()).toList();
		assertThat(forPublic).containsExactly("Open lesson on " + word);
		assertThat(forMembers).containsExactlyInAnyOrder("Open lesson on " + word, "Closed lesson on " + word);
		assertThat(savedSearches.matches(query, Audience.PUBLIC))
			.allMatch(d -> d.document().visibility() == Visibility.PUBLIC);
	}

	@Test
	void twoInstancesRunningAlertsAtOnceSendEachAlertOnce() throws Exception {
		KbUser contributor = user(accounts.user(Role.CONTRIBUTOR));
		KbUser editor = user(accounts.user(Role.EDITOR));
		String word = word();
		String member = accounts.fresh("raced", Role.MEMBER);
		saveOverHttp(signedIn(member), "q=" + word, "Raced " + word, "IMMEDIATE");
		Contributions.published(submissions, contributor, editor, "Raced lesson on " + word, word, "public");
		Instant due = Instant.now().plus(Duration.ofMinutes(10));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			Future<Integer> a = pool.submit(() -> {
				start.await();
				return alerts.runDue(due);
			});
			Future<Integer> b = pool.submit(() -> {
				start.await();
				return alerts.runDue(due);
			});
			start.countDown();
			a.get();
			b.get();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(alertsWritten(member)).isEqualTo(1);
	}
}
