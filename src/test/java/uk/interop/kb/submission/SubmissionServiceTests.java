package uk.interop.kb.submission;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.cli.Commands;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.SearchResults;
import uk.interop.kb.search.index.ContentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every transition, allowed and refused, against the real database and index. */
@KbApplicationTest
class SubmissionServiceTests {

	private final SubmissionService submissions;
	private final FacetedSearch search;
	private final DocumentListing listing;
	private final RelatedDocuments related;
	private final SearchIndex index;
	private final PublishedSubmissions publisher;
	private final ContentLoader loader;
	private final Taxonomy taxonomy;
	private final AuditLog audit;
	private final uk.interop.kb.cluster.ChangeLogFollower follower;
	private final KbUser contributor;
	private final KbUser otherContributor;
	private final KbUser editor;
	private final KbUser member;

	@Autowired
	SubmissionServiceTests(SubmissionService submissions, FacetedSearch search, DocumentListing listing,
			RelatedDocuments related, SearchIndex index, PublishedSubmissions publisher, ContentLoader loader, Taxonomy taxonomy, AuditLog audit,
			uk.interop.kb.cluster.ChangeLogFollower follower, TestAccounts accounts, UserDetailsService users) {
		this.submissions = submissions;
		this.search = search;
		this.listing = listing;
		this.related = related;
		this.index = index;
		this.publisher = publisher;
		this.loader = loader;
		this.taxonomy = taxonomy;
		this.audit = audit;
		this.follower = follower;
		this.contributor = (KbUser) users.loadUserByUsername(accounts.user(Role.CONTRIBUTOR));
		this.otherContributor = (KbUser) users.loadUserByUsername(accounts.fresh("other", Role.CONTRIBUTOR));
		this.editor = (KbUser) users.loadUserByUsername(accounts.user(Role.EDITOR));
		this.member = (KbUser) users.loadUserByUsername(accounts.user(Role.MEMBER));
	}

	static SubmissionForm form(String title, String word) {
		return new SubmissionForm(title, "A summary about " + word + " for the test.", "lesson",
				List.of("semantic", "structural"), List.of("data-quality"), List.of("anonymised-police-force"),
				List.of("police"), "worked", List.of("culture"), "public", "",
				"## What happened\n\nThe " + word + " interface was agreed early and built against shared codes.\n\n"
						+ "## What we learned\n\nAgree codes first.\n\n## Recommendation\n\nDo it.\n\n## Evidence\n\nNotes.\n");
	}

	private Submission draft(String word) {
		return submissions.create(contributor, form("Lesson about " + word, word), UUID.randomUUID().toString(), "test")
			.submission().orElseThrow();
	}

	private Submission submitted(String word) {
		Submission draft = draft(word);
		return submissions.submit(contributor, draft.id(), draft.version(), "test").submission().orElseThrow();
	}

	private static final SubmissionService.RedactionChecklist CHECKED = new SubmissionService.RedactionChecklist(true,
			true, true);

	private long found(String word, Audience audience) {
		return search.search(SearchRequest.of(word), audience).total();
	}

	@Test
	void aMemberCannotCreateAndAContributorCannotModerate() {
		assertThatThrownBy(() -> submissions.create(member, form("x", "x"), "", "test"))
			.isInstanceOf(SubmissionService.NotAllowedException.class);
		Submission submitted = submitted("quokkas");
		assertThatThrownBy(() -> submissions.publish(contributor, submitted.id(), submitted.version(), CHECKED, "t"))
			.isInstanceOf(SubmissionService.NotAllowedException.class);
		assertThatThrownBy(() -> submissions.requestChanges(contributor, submitted.id(), submitted.version(), "c", "t"))
			.isInstanceOf(SubmissionService.NotAllowedException.class);
	}

	@Test
	void contributorsSeeAndEditOnlyTheirOwn() {
		Submission mine = draft("wombats");

		assertThatThrownBy(() -> submissions.visible(otherContributor, mine.id()))
			.isInstanceOf(SubmissionService.NotFoundException.class);
		assertThatThrownBy(() -> submissions.update(otherContributor, mine.id(), form("Taken", "wombats"),
				mine.version(), "t")).isInstanceOf(SubmissionService.NotFoundException.class);
		assertThat(submissions.mine(otherContributor)).noneMatch(s -> s.id() == mine.id());
		assertThat(submissions.visible(editor, mine.id()).id()).isEqualTo(mine.id());
	}

	@Test
	void theWholeLifecyclePublishesIntoSearchAtOnceAndWithdrawsOutOfIt() {
		Submission submitted = submitted("pangolins");
		assertThat(found("pangolins", Audience.PUBLIC)).isZero();

		Submission changes = submissions.requestChanges(editor, submitted.id(), submitted.version(),
				"Please name the standard", "t").submission().orElseThrow();
		assertThat(changes.status()).isEqualTo(SubmissionStatus.CHANGES_REQUESTED);
		assertThat(submissions.events(changes).get(0).comment()).isEqualTo("Please name the standard");

		Submission edited = submissions.update(contributor, changes.id(), form("Lesson about pangolins", "pangolins"),
				changes.version(), "t").submission().orElseThrow();
		Submission resubmitted = submissions.submit(contributor, edited.id(), edited.version(), "t").submission()
			.orElseThrow();
		Submission published = submissions.publish(editor, resubmitted.id(), resubmitted.version(), CHECKED, "t")
			.submission().orElseThrow();

		assertThat(published.status()).isEqualTo(SubmissionStatus.PUBLISHED);
		SearchResults results = search.search(SearchRequest.of("pangolins").withFilter(Facet.LEVEL, "semantic")
			.withFilter(Facet.THEME, "data-quality"), Audience.PUBLIC);
		assertThat(results.total()).isEqualTo(1);
		assertThat(results.hits().get(0).document().id()).isEqualTo(published.documentId());
		assertThat(listing.document(published.documentId(), Audience.PUBLIC)).isPresent();
		assertThat(audit.page(1, 100)).extracting(e -> e.action()).contains("SUBMISSION_PUBLISHED",
				"SUBMISSION_CHANGES_REQUESTED");

		submissions.withdraw(editor, published.id(), published.version(), "Superseded", "t");

		assertThat(found("pangolins", Audience.PUBLIC)).isZero();
		assertThat(submissions.events(published)).extracting(SubmissionEvent::to).containsExactly(
				SubmissionStatus.WITHDRAWN, SubmissionStatus.PUBLISHED, SubmissionStatus.SUBMITTED,
				SubmissionStatus.CHANGES_REQUESTED, SubmissionStatus.SUBMITTED, SubmissionStatus.DRAFT);
		assertThat(submissions.revisions(published)).hasSize(2);
	}

	@Test
	void publishingNeedsTheRedactionChecklistAndRequestingChangesNeedsAComment() {
		Submission submitted = submitted("numbats");

		assertThat(submissions.publish(editor, submitted.id(), submitted.version(),
				new SubmissionService.RedactionChecklist(true, false, true), "t").errors()).containsKey("checklist");
		assertThat(submissions.requestChanges(editor, submitted.id(), submitted.version(), " ", "t").errors())
			.containsKey("comment");
		assertThat(submissions.reject(editor, submitted.id(), submitted.version(), "", "t").errors())
			.containsKey("reason");
		assertThat(submissions.visible(editor, submitted.id()).status()).isEqualTo(SubmissionStatus.SUBMITTED);
	}

	@Test
	void forbiddenTransitionsAreRefused() {
		Submission draft = draft("echidnas");
		assertThatThrownBy(() -> submissions.publish(editor, draft.id(), draft.version(), CHECKED, "t"))
			.isInstanceOf(SubmissionService.NotAllowedException.class);
		assertThatThrownBy(() -> submissions.withdraw(editor, draft.id(), draft.version(), "r", "t"))
			.isInstanceOf(SubmissionService.NotAllowedException.class);

		Submission submitted = submissions.submit(contributor, draft.id(), draft.version(), "t").submission()
			.orElseThrow();
		assertThatThrownBy(() -> submissions.update(contributor, submitted.id(), form("x", "echidnas"),
				submitted.version(), "t")).isInstanceOf(SubmissionService.NotAllowedException.class);

		Submission rejected = submissions.reject(editor, submitted.id(), submitted.version(), "Out of scope", "t")
			.submission().orElseThrow();
		assertThatThrownBy(() -> submissions.submit(contributor, rejected.id(), rejected.version(), "t"))
			.isInstanceOf(SubmissionService.NotAllowedException.class);
	}

	@Test
	void anIncompleteDraftCannotBeSubmitted() {
		SubmissionForm incomplete = new SubmissionForm("Half written", "", "lesson", List.of(), List.of(), List.of(),
				List.of(), "", List.of(), "public", "", SubmissionForm.TEMPLATE_BODY);
		Submission draft = submissions.create(contributor, incomplete, "", "t").submission().orElseThrow();

		SubmissionService.Saved result = submissions.submit(contributor, draft.id(), draft.version(), "t");

		assertThat(result.errors()).containsKeys("summary", "levels", "themes", "outcome", "body");
		assertThat(submissions.visible(contributor, draft.id()).status()).isEqualTo(SubmissionStatus.DRAFT);
	}

	@Test
	void aSecondSaveFromAStaleFormIsAConflictNotAnOverwrite() {
		Submission draft = draft("bilbies");
		int opened = draft.version();
		submissions.update(contributor, draft.id(), form("First save wins", "bilbies"), opened, "t");

		assertThatThrownBy(() -> submissions.update(contributor, draft.id(), form("Second save", "bilbies"), opened,
				"t")).isInstanceOfSatisfying(SubmissionService.EditConflictException.class,
						ex -> assertThat(ex.current().title()).isEqualTo("First save wins"));
		assertThat(submissions.form(submissions.visible(contributor, draft.id())).title()).isEqualTo("First save wins");
	}

	@Test
	void postingTheSameNewFormTwiceCreatesOneSubmission() {
		String token = UUID.randomUUID().toString();

		Submission first = submissions.create(contributor, form("Once only", "dingoes"), token, "t").submission()
			.orElseThrow();
		Submission again = submissions.create(contributor, form("Once only", "dingoes"), token, "t").submission()
			.orElseThrow();

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(submissions.mine(contributor).stream().filter(s -> s.title().equals("Once only"))).hasSize(1);
	}

	@Test
	void submittingOrPublishingTwiceIsHarmless() {
		Submission draft = draft("kookaburras");
		Submission submitted = submissions.submit(contributor, draft.id(), draft.version(), "t").submission()
			.orElseThrow();
		assertThat(submissions.submit(contributor, draft.id(), draft.version(), "t").submission().orElseThrow().status())
			.isEqualTo(SubmissionStatus.SUBMITTED);

		Submission published = submissions.publish(editor, submitted.id(), submitted.version(), CHECKED, "t")
			.submission().orElseThrow();
		assertThat(submissions.publish(editor, submitted.id(), submitted.version(), CHECKED, "t").submission()
			.orElseThrow().id()).isEqualTo(published.id());
		assertThat(found("kookaburras", Audience.PUBLIC)).isEqualTo(1);
	}

	@Test
	void aPublishedItemLostFromTheIndexIsCaughtUpAtStartUp() {
		Submission submitted = submitted("platypuses");
		Submission published = submissions.publish(editor, submitted.id(), submitted.version(), CHECKED, "t")
			.submission().orElseThrow();
		// Simulate a crash between the database commit and the index write (once the change log's follower,
		// which would otherwise put it back, has applied the publication).
		follower.poll();
		index.waitFor(index.delete(published.documentId()));
		assertThat(found("platypuses", Audience.PUBLIC)).isZero();

		new ContentIndexer(index, loader, taxonomy.fingerprint(), List.of(publisher)).sync();

		assertThat(found("platypuses", Audience.PUBLIC)).isEqualTo(1);
	}

	@Test
	void aFullRebuildKeepsPublishedSubmissions() {
		Submission submitted = submitted("wallabies");
		submissions.publish(editor, submitted.id(), submitted.version(), CHECKED, "t");

		new ContentIndexer(index, loader, taxonomy.fingerprint(), List.of(publisher)).rebuild(done -> {
		});

		assertThat(found("wallabies", Audience.PUBLIC)).isEqualTo(1);
		assertThat(found("interoperability", Audience.PUBLIC)).isPositive();
	}

	@Test
	void membersOnlySubmissionsAreSearchableOnlyByMembers() {
		SubmissionForm secret = new SubmissionForm("Members lesson about cassowaries", "Summary of cassowaries lesson.",
				"lesson", List.of("semantic"), List.of("data-quality"), List.of(), List.of("police"), "worked",
				List.of(), "members", "", form("x", "cassowaries").body());
		Submission draft = submissions.create(contributor, secret, "", "t").submission().orElseThrow();
		Submission submitted = submissions.submit(contributor, draft.id(), draft.version(), "t").submission()
			.orElseThrow();
		submissions.publish(editor, submitted.id(), submitted.version(), CHECKED, "t");

		assertThat(found("cassowaries", Audience.PUBLIC)).isZero();
		assertThat(found("cassowaries", Audience.MEMBERS)).isEqualTo(1);
	}

	@Test
	void anExportPassesValidateAndImportingItBackDoesNotDuplicate(@TempDir Path dir) throws Exception {
		Submission draft = draft("quolls");
		String exported = submissions.export(contributor, draft.id());

		Files.createDirectories(dir.resolve("contributions"));
		Files.writeString(dir.resolve("contributions/exported.md"), exported);
		try (var taxonomyFiles = Files.list(Path.of("content/taxonomy"))) {
			Files.createDirectories(dir.resolve("taxonomy"));
			for (Path file : taxonomyFiles.toList()) {
				Files.copy(file, dir.resolve("taxonomy").resolve(file.getFileName()));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.validate(dir, new PrintStream(out, true, StandardCharsets.UTF_8))).as(out.toString())
			.isZero();

		int before = submissions.mine(contributor).size();
		Submission reimported = submissions.importFile(contributor, exported.replace("A summary about quolls",
				"An edited summary about quolls"), "t").submission().orElseThrow();

		assertThat(reimported.id()).isEqualTo(draft.id());
		assertThat(submissions.mine(contributor)).hasSize(before);
		assertThat(submissions.form(reimported).summary()).startsWith("An edited summary about quolls");
		assertThat(submissions.revisions(reimported)).hasSize(2);
	}

	@Test
	void importingSomeoneElsesExportCreatesNothingOfTheirs() {
		Submission draft = draft("bandicoots");
		String exported = submissions.export(contributor, draft.id());

		SubmissionService.Saved result = submissions.importFile(otherContributor, exported, "t");

		assertThat(result.errors()).containsKey("file");
		assertThat(Optional.of(submissions.visible(contributor, draft.id()).currentRevision())).contains(1);
	}

	@Test
	void similarLessonsComeFromReadableDocumentsOnly() {
		assertThat(related.similarTo("information sharing agreement between police and health", Audience.PUBLIC, 5))
			.isNotEmpty().allMatch(d -> d.document().isPublic());
	}
}
