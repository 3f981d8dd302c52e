package uk.interop.kb.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for submissions, their revisions and transitions. Nothing is ever deleted or overwritten but the head row. */
@Repository
class SubmissionRepository {

	private static final String SELECT = """
			select s.id, s.document_id, s.owner_id, a.display_name as owner_name, s.status, s.title,
			       s.current_revision, s.version, s.created_at, s.updated_at, s.submitted_at, s.published_at,
			       s.changes_document, s.change_summary, s.changes_base
			from submission s join account a on a.id = s.owner_id
			""";

	private final JdbcClient jdbc;

	SubmissionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Submission> find(long id) {
		return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(SubmissionRepository::map).optional();
	}

	Optional<Submission> findByDocumentId(String documentId) {
		return jdbc.sql(SELECT + " where s.document_id = :d").param("d", documentId).query(SubmissionRepository::map)
			.optional();
	}

	List<Submission> findByOwner(long ownerId) {
		return jdbc.sql(SELECT + " where s.owner_id = :o order by s.updated_at desc, s.id desc").param("o", ownerId)
			.query(SubmissionRepository::map).list();
	}

	/** The review queue: oldest submission first. */
	List<Submission> findByStatus(List<String> statuses) {
		return jdbc.sql(SELECT + " where s.status in (:statuses) order by coalesce(s.submitted_at, s.created_at), s.id")
			.param("statuses", statuses).query(SubmissionRepository::map).list();
	}

	/** Published documents: suggested changes are never documents themselves. */
	List<Submission> findPublished() {
		return jdbc.sql(SELECT + " where s.status = 'PUBLISHED' and s.changes_document is null order by s.id")
			.query(SubmissionRepository::map).list();
	}

	/** A new draft suggesting a change to a published document. */
	long insertSuggestion(String documentId, long ownerId, String title, String changes, String summary, String base,
			Instant now) {
		long id = insert(documentId, ownerId, title, now);
		jdbc.sql("update submission set changes_document = :changes, change_summary = :summary, changes_base = :base "
				+ "where id = :id")
			.param("changes", changes).param("summary", summary).param("base", base).param("id", id).update();
		return id;
	}

	void updateChangeSummary(long id, String summary) {
		jdbc.sql("update submission set change_summary = :summary where id = :id").param("summary", summary)
			.param("id", id).update();
	}

	/** Records a published change in a document's public history. */
	void addDocumentChange(String documentId, Instant at, String summary, long submissionId) {
		jdbc.sql("""
				insert into document_change (document_id, changed_at, summary, submission_id)
				values (:doc, :at, :summary, :submission)""")
			.param("doc", documentId).param("at", utc(at)).param("summary", summary).param("submission", submissionId)
			.update();
	}

	/** A document's published changes, newest first. */
	List<DocumentHistory.Change> documentChanges(String documentId) {
		return jdbc.sql("select changed_at, summary from document_change where document_id = :doc "
				+ "order by changed_at desc, id desc")
			.param("doc", documentId)
			.query((rs, n) -> new DocumentHistory.Change(instant(rs, 1), rs.getString(2))).list();
	}

	long insert(String documentId, long ownerId, String title, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into submission (document_id, owner_id, status, title, current_revision, version, created_at,
				                        updated_at)
				values (:doc, :owner, 'DRAFT', :title, 0, 0, :now, :now)""")
			.param("doc", documentId).param("owner", ownerId).param("title", title).param("now", utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Claims a form token; false if it was claimed before (the form was already processed). */
	boolean claimFormToken(String token, long submissionId, Instant now) {
		try {
			return jdbc.sql("insert into submission_form_token (token, submission_id, created_at) values (:t, :s, :now)")
				.param("t", token).param("s", submissionId).param("now", utc(now)).update() == 1;
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			return false;
		}
	}

	Optional<Long> submissionForFormToken(String token) {
		return jdbc.sql("select submission_id from submission_form_token where token = :t").param("t", token)
			.query(Long.class).optional();
	}

	/**
	 * Adds a revision and moves the head on, only if nobody else did since {@code expectedVersion}
	 * was read. False means a concurrent change: nothing was written.
	 */
	boolean addRevision(long id, int expectedVersion, String title, String markdown, long authorId, Instant now) {
		int updated = jdbc.sql("""
				update submission set current_revision = current_revision + 1, version = version + 1,
				  title = :title, updated_at = :now
				where id = :id and version = :v""")
			.param("title", title).param("now", utc(now)).param("id", id).param("v", expectedVersion).update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("""
				insert into submission_revision (submission_id, revision, markdown, author_id, created_at)
				select id, current_revision, :md, :author, :now from submission where id = :id""")
			.param("md", markdown).param("author", authorId).param("now", utc(now)).param("id", id).update();
		return true;
	}

	/** Moves the status on if it is still {@code from} at {@code expectedVersion}; false when something changed first. */
	boolean transition(long id, int expectedVersion, SubmissionStatus from, SubmissionStatus to, long actorId,
			String comment, Instant now) {
		String stamp = switch (to) {
			case SUBMITTED -> ", submitted_at = :now";
			case PUBLISHED, ACCEPTED -> ", published_at = :now";
			default -> "";
		};
		int updated = jdbc.sql("update submission set status = :to, version = version + 1, updated_at = :now" + stamp
				+ " where id = :id and version = :v and status = :from")
			.param("to", to.name()).param("now", utc(now)).param("id", id).param("v", expectedVersion)
			.param("from", from.name()).update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("""
				insert into submission_event (submission_id, from_status, to_status, actor_id, comment, created_at)
				values (:id, :from, :to, :actor, :comment, :now)""")
			.param("id", id).param("from", from.name()).param("to", to.name()).param("actor", actorId)
			.param("comment", comment).param("now", utc(now)).update();
		return true;
	}

	void recordCreation(long id, long actorId, Instant now) {
		jdbc.sql("""
				insert into submission_event (submission_id, from_status, to_status, actor_id, comment, created_at)
				values (:id, null, 'DRAFT', :actor, null, :now)""")
			.param("id", id).param("actor", actorId).param("now", utc(now)).update();
	}

	Optional<Revision> revision(long id, int number) {
		return jdbc.sql("""
				select r.submission_id, r.revision, r.markdown, a.display_name, r.created_at
				from submission_revision r join account a on a.id = r.author_id
				where r.submission_id = :id and r.revision = :n""")
			.param("id", id).param("n", number)
			.query((rs, n) -> new Revision(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					instant(rs, 5)))
			.optional();
	}

	List<Revision> revisions(long id) {
		return jdbc.sql("""
				select r.submission_id, r.revision, r.markdown, a.display_name, r.created_at
				from submission_revision r join account a on a.id = r.author_id
				where r.submission_id = :id order by r.revision desc""")
			.param("id", id)
			.query((rs, n) -> new Revision(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					instant(rs, 5)))
			.list();
	}

	List<SubmissionEvent> events(long id) {
		return jdbc.sql("""
				select e.from_status, e.to_status, a.display_name, e.comment, e.created_at
				from submission_event e join account a on a.id = e.actor_id
				where e.submission_id = :id order by e.id desc""")
			.param("id", id)
			.query((rs, n) -> new SubmissionEvent(
					java.util.Optional.ofNullable(rs.getString(1)).map(SubmissionStatus::valueOf),
					SubmissionStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), instant(rs, 5)))
			.list();
	}

	private static Submission map(ResultSet rs, int row) throws SQLException {
		return new Submission(rs.getLong("id"), rs.getString("document_id"), rs.getLong("owner_id"),
				rs.getString("owner_name"), SubmissionStatus.valueOf(rs.getString("status")), rs.getString("title"),
				rs.getInt("current_revision"), rs.getInt("version"), instant(rs, "created_at"),
				instant(rs, "updated_at"), Optional.ofNullable(rs.getObject("submitted_at", OffsetDateTime.class))
					.map(OffsetDateTime::toInstant),
				Optional.ofNullable(rs.getObject("published_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
				Optional.ofNullable(rs.getString("changes_document")),
				rs.getString("change_summary") == null ? "" : rs.getString("change_summary"),
				rs.getString("changes_base") == null ? "" : rs.getString("changes_base"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
