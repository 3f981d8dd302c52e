package uk.interop.kb.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentSource;
import uk.interop.kb.search.FacetLabels;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.index.DatabaseDocumentIndexer;
import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.support.TestDatabases;
import uk.interop.kb.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change log and its follower on every supported database: entries in order, applied
 * idempotently from the source's current state, a position kept in the index's commit data, and
 * ids that commit out of order (or never) handled without losing or blocking anything.
 */
class ChangeLogFollowerTests {

	@TempDir
	Path dir;

	/** A clock the test moves. */
	static final class MovableClock extends Clock {
		volatile Instant now = Instant.parse("2026-03-01T09:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	/** Database-origin documents as a source would hold them: real parsed lessons, current state in a map. */
	static final class Documents implements DocumentSource {
		final Map<String, SourceDocument> current = new ConcurrentHashMap<>();
		final TestContent content;

		Documents(TestContent content) {
			this.content = content;
		}

		void put(String id, String word) {
			content.write("db/" + id + ".md", TestContent.lesson("Lesson " + word, word, "id: contributions/" + id));
			var file = content.loader().scan(new ArrayList<>()).stream()
				.filter(f -> f.id().endsWith(id)).findFirst().orElseThrow();
			SourceDocument parsed = content.loader().parse(file, new ArrayList<>()).orElseThrow();
			current.put("contributions/" + id, new SourceDocument(parsed.document(), parsed.markdown(),
					parsed.rendered(), parsed.contentHash(), SourceDocument.Origin.DATABASE));
		}

		@Override
		public List<SourceDocument> documents() {
			return List.copyOf(current.values());
		}
	}

	private long found(FacetedSearch search, String word) {
		return search.search(SearchRequest.of(word), Audience.MEMBERS).total();
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void entriesAreAppliedInOrderFromTheCurrentStateAndTheirPositionSurvivesARestart(TestDatabases.Kind kind) {
		TestContent content = new TestContent(dir.resolve("content"));
		Taxonomy taxonomy = content.taxonomy();
		Documents documents = new Documents(content);
		try (var db = TestDatabases.fresh(kind)) {
			ChangeLog changes = new ChangeLog(db.jdbc(), Clock.systemUTC());
			documents.put("one", "heron");
			changes.append("contributions/one", "PUBLISHED");
			documents.put("two", "egret");
			changes.append("contributions/two", "PUBLISHED");
			documents.current.remove("contributions/one");
			changes.append("contributions/one", "WITHDRAWN");
			assertThat(changes.after(0, 10)).extracting(ChangeLog.Entry::kind).containsExactly("PUBLISHED",
					"PUBLISHED", "WITHDRAWN");

			try (SearchIndex index = new SearchIndex(dir.resolve("index"), taxonomy)) {
				ChangeLogFollower follower = new ChangeLogFollower(changes, new DatabaseDocumentIndexer(index, List.of(documents)), Clock.systemUTC());
				assertThat(follower.position()).as("a new index replays the log from the start").isZero();
				assertThat(follower.poll()).isEqualTo(3);
				FacetedSearch search = new FacetedSearch(index, new FacetLabels(taxonomy));
				assertThat(found(search, "heron")).isZero();
				assertThat(found(search, "egret")).isEqualTo(1);
				assertThat(follower.poll()).as("nothing new").isZero();
				assertThat(index.commitData()).containsEntry(ChangeLogFollower.POSITION, "3");
			}

			documents.put("two", "bittern");
			changes.append("contributions/two", "EDITED");
			try (SearchIndex index = new SearchIndex(dir.resolve("index"), taxonomy)) {
				ChangeLogFollower follower = new ChangeLogFollower(changes, new DatabaseDocumentIndexer(index, List.of(documents)), Clock.systemUTC());
				assertThat(follower.position()).isEqualTo(3);
				assertThat(follower.poll()).isEqualTo(1);
				FacetedSearch search = new FacetedSearch(index, new FacetLabels(taxonomy));
				assertThat(found(search, "bittern")).isEqualTo(1);
				assertThat(found(search, "egret")).isZero();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void anEntryThatCommitsLateIsStillAppliedAndOneRolledBackIsPassedAfterItsGrace(TestDatabases.Kind kind)
			throws Exception {
		TestContent content = new TestContent(dir.resolve("content"));
		Taxonomy taxonomy = content.taxonomy();
		Documents documents = new Documents(content);
		MovableClock clock = new MovableClock();
		try (var db = TestDatabases.fresh(kind);
				SearchIndex index = new SearchIndex(dir.resolve("index"), taxonomy)) {
			ChangeLog changes = new ChangeLog(db.jdbc(), Clock.systemUTC());
			ChangeLogFollower follower = new ChangeLogFollower(changes, new DatabaseDocumentIndexer(index, List.of(documents)), clock);
			FacetedSearch search = new FacetedSearch(index, new FacetLabels(taxonomy));

			documents.put("late", "plover");
			documents.put("early", "curlew");
			try (Connection slow = db.dataSource().getConnection()) {
				slow.setAutoCommit(false);
				insert(slow, "contributions/late");
				changes.append("contributions/early", "PUBLISHED");

				assertThat(follower.poll()).as("the committed entry is applied at once").isEqualTo(1);
				assertThat(found(search, "curlew")).isEqualTo(1);
				assertThat(follower.position()).as("but the position waits for the missing id").isZero();

				slow.commit();
			}
			assertThat(follower.poll()).as("the late entry, and the other not again").isEqualTo(1);
			assertThat(found(search, "plover")).isEqualTo(1);
			assertThat(follower.position()).isEqualTo(2);

			documents.put("after", "dunlin");
			try (Connection abandoned = db.dataSource().getConnection()) {
				abandoned.setAutoCommit(false);
				insert(abandoned, "contributions/never");
				abandoned.rollback();
			}
			changes.append("contributions/after", "PUBLISHED");
			assertThat(follower.poll()).isEqualTo(1);
			assertThat(found(search, "dunlin")).isEqualTo(1);
			assertThat(follower.position()).isEqualTo(2);

			clock.now = clock.now.plus(ChangeLogFollower.GAP_GRACE).plus(Duration.ofSeconds(1));
			assertThat(follower.poll()).as("nothing applied twice").isZero();
			assertThat(follower.position()).isEqualTo(changes.lastId());
		}
	}

	private static void insert(Connection connection, String documentId) throws Exception {
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into change_log (document_id, kind, created_at) values (?, 'PUBLISHED', ?)")) {
			insert.setString(1, documentId);
			insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
			insert.executeUpdate();
		}
	}

}
