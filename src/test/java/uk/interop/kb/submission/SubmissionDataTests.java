package uk.interop.kb.submission;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestUsers;
import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.cluster.ChangeLog;
import uk.interop.kb.cluster.ChangeLogFollower;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.index.DatabaseDocumentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.support.AfterCommitEvents;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.support.TestDatabases;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The submission workflow's data layer on every supported database (H2, and PostgreSQL when
 * available), through the real service with its real transactions and a real index.
 */
class SubmissionDataTests {

	private static final Taxonomy TAXONOMY = new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy"));
	private static final SubmissionService.RedactionChecklist CHECKED = new SubmissionService.RedactionChecklist(true,
			true, true);

	@TempDir
	Path dir;

	/** The service, its database and index, wired as the app wires them (transactions included). */
	record Setup(SubmissionService submissions, SubmissionRepository repository, PublishedSubmissions publisher,
			SearchIndex index, FacetedSearch search, KbUser contributor, KbUser editor) implements AutoCloseable {

		long found(String word) {
			return search.search(SearchRequest.of(word), Audience.MEMBERS).total();
		}

		@Override
		public void close() {
			index.close();
		}
	}

	private Setup setup(TestDatabases.Fresh db) {
		SubmissionRepository repository = new SubmissionRepository(db.jdbc());
		SearchIndex index = new SearchIndex(dir.resolve("index-" + db.kind()), TAXONOMY);
		PublishedSubmissions publisher = new PublishedSubmissions(repository, TAXONOMY, new MarkdownRenderer());
		AfterCommitEvents events = new AfterCommitEvents(new ChangeLog(db.jdbc(), Clock.systemUTC()),
				new DatabaseDocumentIndexer(index, List.of(publisher)));
		SubmissionService target = new SubmissionService(repository, TAXONOMY,
				new AuditLog(db.jdbc(), Clock.systemUTC()), events, Clock.systemUTC(), index,
				new SuggestionTargets(repository, new ContentLoader(dir.resolve("content-" + db.kind()), TAXONOMY,
						new MarkdownRenderer()), TAXONOMY, Clock.systemUTC()));
		ProxyFactory proxy = new ProxyFactory(target);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(new TransactionInterceptor(db.transactions(), new AnnotationTransactionAttributeSource()));
		TestUsers users = new TestUsers(db.jdbc());
		return new Setup((SubmissionService) proxy.getProxy(), repository, publisher, index,
				new FacetedSearch(index, new FacetLabels(TAXONOMY)), users.create("contributor@example.org", Role.CONTRIBUTOR),
				users.create("editor@example.org", Role.EDITOR));
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aSubmissionGoesFromDraftToPublishedToWithdrawnKeepingEveryRevisionAndTransition(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind); var s = setup(db)) {
			Submission draft = s.submissions().create(s.contributor(), SubmissionServiceTests.form("Lemurs", "lemurs"),
					UUID.randomUUID().toString(), "t").submission().orElseThrow();
			Submission edited = s.submissions().update(s.contributor(), draft.id(),
					SubmissionServiceTests.form("Lemurs again", "lemurs"), draft.version(), "t").submission()
				.orElseThrow();
			Submission submitted = s.submissions().submit(s.contributor(), edited.id(), edited.version(), "t")
				.submission().orElseThrow();
			Submission published = s.submissions().publish(s.editor(), submitted.id(), submitted.version(), CHECKED, "t")
				.submission().orElseThrow();

			assertThat(published.status()).isEqualTo(SubmissionStatus.PUBLISHED);
			assertThat(published.publishedAt()).isPresent();
			assertThat(s.found("lemurs")).isEqualTo(1);
			assertThat(s.publisher().documents()).extracting(d -> d.document().id())
				.containsExactly(published.documentId());

			s.submissions().withdraw(s.editor(), published.id(), published.version(), "Superseded", "t");

			assertThat(s.found("lemurs")).isZero();
			assertThat(s.publisher().documents()).isEmpty();
			assertThat(s.submissions().revisions(published)).extracting(Revision::number).containsExactly(2, 1);
			assertThat(s.submissions().events(published)).extracting(SubmissionEvent::to).containsExactly(
					SubmissionStatus.WITHDRAWN, SubmissionStatus.PUBLISHED, SubmissionStatus.SUBMITTED,
					SubmissionStatus.DRAFT);
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aSuggestedChangeIsReviewedLikeASubmissionAndPublishingItChangesTheDocumentWithAHistoryLine(
			TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind); var s = setup(db)) {
			Submission original = publish(s, SubmissionServiceTests.form("Quolls", "quolls"));
			KbUser suggester = new TestUsers(db.jdbc()).create("suggester@example.org", Role.CONTRIBUTOR);
			var target = s.submissions().suggestable(suggester, original.documentId()).orElseThrow();
			assertThat(target.title()).isEqualTo("Quolls");
			assertThat(target.contentFile()).isFalse();
			SubmissionForm changed = new SubmissionForm("Quolls, corrected", target.form().summary(),
					target.form().type(), target.form().levels(), target.form().themes(), target.form().organisations(),
					target.form().sectors(), target.form().outcome(), target.form().barriers(), target.form().visibility(),
					target.form().source(), target.form().body().replace("agreed early", "agreed in the first month"));

			assertThat(s.submissions().suggest(suggester, original.documentId(), target.form(), "", "", "t").ok())
				.as("a draft may be saved before anything changes").isTrue();
			Submission draft = s.submissions().suggest(suggester, original.documentId(), changed,
					"Said when the interface was agreed", "", "t").submission().orElseThrow();
			assertThat(draft.isSuggestion()).isTrue();
			assertThat(s.publisher().documents()).as("a suggestion is never a document itself").hasSize(1);
			assertThat(s.submissions().changeToPublished(draft).orElseThrow().lines())
				.anySatisfy(line -> assertThat(line.text()).contains("agreed in the first month"))
				.anySatisfy(line -> assertThat(line.text()).contains("Quolls, corrected"));
			Submission submitted = s.submissions().submit(suggester, draft.id(), draft.version(), "t").submission()
				.orElseThrow();
			assertThat(s.submissions().queue(s.editor(), java.util.Optional.empty())).extracting(Submission::id)
				.contains(submitted.id());

			Submission done = s.submissions().publish(s.editor(), submitted.id(), submitted.version(), CHECKED, "t")
				.submission().orElseThrow();

			assertThat(done.status()).isEqualTo(SubmissionStatus.PUBLISHED);
			Submission after = s.repository().find(original.id()).orElseThrow();
			assertThat(after.title()).isEqualTo("Quolls, corrected");
			assertThat(after.currentRevision()).isEqualTo(original.currentRevision() + 1);
			assertThat(s.publisher().documents()).singleElement().satisfies(d -> {
				assertThat(d.document().id()).isEqualTo(original.documentId());
				assertThat(d.document().title()).isEqualTo("Quolls, corrected");
				assertThat(d.document().authors()).as("the author stays the author").containsExactly("Test Contributor");
				assertThat(d.document().updated()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
			});
			assertThat(new DocumentHistory(s.repository()).of(original.documentId())).singleElement()
				.satisfies(c -> assertThat(c.summary()).isEqualTo("Said when the interface was agreed"));
			assertThat(s.found("first month")).as("search shows the change").isEqualTo(1);
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aSuggestionWithNoChangeOrMadeBeforeAnotherChangeIsRefused(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind); var s = setup(db)) {
			Submission original = publish(s, SubmissionServiceTests.form("Bilbies", "bilbies"));
			var target = s.submissions().suggestable(s.contributor(), original.documentId()).orElseThrow();
			Submission same = s.submissions().suggest(s.contributor(), original.documentId(), target.form(),
					"Nothing really", "", "t").submission().orElseThrow();
			assertThat(s.submissions().submit(s.contributor(), same.id(), same.version(), "t").errors())
				.containsEntry("body", "You have not changed anything yet");
			Submission noSummary = s.submissions().suggest(s.contributor(), original.documentId(),
					SubmissionServiceTests.form("Bilbies two", "bilbies"), "", "", "t").submission().orElseThrow();
			assertThat(s.submissions().submit(s.contributor(), noSummary.id(), noSummary.version(), "t").errors())
				.containsKey("changeSummary");

			Submission first = submitSuggestion(s, original, "Bilbies first", "First change");
			Submission second = submitSuggestion(s, original, "Bilbies second", "Second change");
			s.submissions().publish(s.editor(), first.id(), first.version(), CHECKED, "t");

			assertThat(s.submissions().publish(s.editor(), second.id(), second.version(), CHECKED, "t").errors()
				.get("checklist")).contains("has changed since this was suggested");
			assertThat(s.repository().find(original.id()).orElseThrow().title()).isEqualTo("Bilbies first");
			assertThat(s.repository().find(second.id()).orElseThrow().status()).isEqualTo(SubmissionStatus.SUBMITTED);
		}
	}

	private static Submission publish(Setup s, SubmissionForm form) {
		Submission draft = s.submissions().create(s.contributor(), form, "", "t").submission().orElseThrow();
		Submission submitted = s.submissions().submit(s.contributor(), draft.id(), draft.version(), "t").submission()
			.orElseThrow();
		return s.submissions().publish(s.editor(), submitted.id(), submitted.version(), CHECKED, "t").submission()
			.orElseThrow();
	}

	private static Submission submitSuggestion(Setup s, Submission original, String title, String summary) {
		SubmissionForm form = SubmissionServiceTests.form(title, "bilbies");
		Submission draft = s.submissions().suggest(s.contributor(), original.documentId(), form, summary, "", "t")
			.submission().orElseThrow();
		return s.submissions().submit(s.contributor(), draft.id(), draft.version(), "t").submission().orElseThrow();
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void anotherInstanceFollowingTheChangeLogSeesPublicationsAndWithdrawals(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind); var s = setup(db);
				SearchIndex other = new SearchIndex(dir.resolve("other-" + db.kind()), TAXONOMY)) {
			ChangeLogFollower follower = new ChangeLogFollower(new ChangeLog(db.jdbc(), Clock.systemUTC()),
					new DatabaseDocumentIndexer(other, List.of(s.publisher())), Clock.systemUTC());
			FacetedSearch otherSearch = new FacetedSearch(other, new FacetLabels(TAXONOMY));
			Submission draft = s.submissions().create(s.contributor(), SubmissionServiceTests.form("Ibises", "ibises"),
					"", "t").submission().orElseThrow();
			Submission submitted = s.submissions().submit(s.contributor(), draft.id(), draft.version(), "t")
				.submission().orElseThrow();
			assertThat(follower.poll()).as("drafts and submissions are not in the log").isZero();

			Submission published = s.submissions().publish(s.editor(), submitted.id(), submitted.version(), CHECKED, "t")
				.submission().orElseThrow();
			assertThat(follower.poll()).isEqualTo(1);
			assertThat(otherSearch.search(SearchRequest.of("ibises"), Audience.MEMBERS).total()).isEqualTo(1);

			s.submissions().withdraw(s.editor(), published.id(), published.version(), "Superseded", "t");
			assertThat(follower.poll()).isEqualTo(1);
			assertThat(otherSearch.search(SearchRequest.of("ibises"), Audience.MEMBERS).total()).isZero();
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aStaleEditOrTransitionIsRefusedAndWritesNothing(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind); var s = setup(db)) {
			Submission draft = s.submissions().create(s.contributor(), SubmissionServiceTests.form("Okapis", "okapis"),
					"", "t").submission().orElseThrow();
			int opened = draft.version();
			s.submissions().update(s.contributor(), draft.id(), SubmissionServiceTests.form("First", "okapis"), opened,
					"t");

			assertThatThrownBy(() -> s.submissions().update(s.contributor(), draft.id(),
					SubmissionServiceTests.form("Second", "okapis"), opened, "t"))
				.isInstanceOf(SubmissionService.EditConflictException.class);
			assertThatThrownBy(() -> s.submissions().submit(s.contributor(), draft.id(), opened, "t"))
				.isInstanceOf(SubmissionService.EditConflictException.class);

			Submission now = s.repository().find(draft.id()).orElseThrow();
			assertThat(now.title()).isEqualTo("First");
			assertThat(now.status()).isEqualTo(SubmissionStatus.DRAFT);
			assertThat(s.submissions().revisions(now)).hasSize(2);
			assertThat(s.submissions().events(now)).hasSize(1);
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void theSameFormPostedManyTimesAtOnceCreatesOneSubmission(TestDatabases.Kind kind) throws Exception {
		try (var db = TestDatabases.fresh(kind); var s = setup(db)) {
			String token = UUID.randomUUID().toString();
			ExecutorService pool = Executors.newFixedThreadPool(6);
			List<Callable<Long>> posts = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				posts.add(() -> {
					try {
						return s.submissions().create(s.contributor(), SubmissionServiceTests.form("Tapirs", "tapirs"),
								token, "t").submission().orElseThrow().id();
					}
					catch (SubmissionService.DuplicateFormException ex) {
						return s.submissions().createdBy(ex.token()).orElseThrow();
					}
				});
			}
			List<Long> ids = new ArrayList<>();
			for (Future<Long> post : pool.invokeAll(posts)) {
				ids.add(post.get());
			}
			pool.shutdown();

			assertThat(ids).containsOnly(ids.get(0));
			assertThat(s.submissions().mine(s.contributor())).singleElement()
				.satisfies(one -> assertThat(s.submissions().revisions(one)).hasSize(1));
		}
	}
}
