package uk.interop.kb.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for assessments and their answers. Every read of one assessment names the organisation it must belong
 * to, so a member of another organisation finds nothing, exactly as for an unknown id.
 */
@Repository
class AssessmentRepository {

	private static final String COLUMNS = """
			a.id, a.organisation_id, a.framework_id, a.framework_version, a.framework_title, a.scale_name,
			a.scale_labels, a.status, c.display_name as created_by_name, a.created_at, a.updated_at,
			a.submitted_by_name, a.submitted_at""";
	private static final String FROM = " from assessment a join account c on c.id = a.created_by ";
	private static final String ANSWER_COLUMNS = """
			indicator_id, position, level_id, indicator_title, question, themes, search_terms, step,
			step_description, next_step, evidence, revision, answered_by_name, answered_at""";
	private static final String SEPARATOR = "|";

	private final JdbcClient jdbc;

	AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertDraft(String organisation, Framework framework, long by, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into assessment (organisation_id, framework_id, framework_version, framework_title, scale_name,
				    scale_labels, status, draft_key, created_by, created_at, updated_at)
				values (:organisation, :framework, :version, :title, :scale, :labels, 'DRAFT', :draftKey, :by, :now, :now)""")
			.param("organisation", organisation).param("framework", framework.id())
			.param("version", framework.version()).param("title", framework.title())
			.param("scale", framework.scale().name()).param("labels", String.join(SEPARATOR, framework.scale().labels()))
			.param("draftKey", draftKey(organisation, framework.id())).param("by", by).param("now", utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Assessment> find(long id, String organisation) {
		return jdbc.sql("select " + COLUMNS + FROM + "where a.id = :id and a.organisation_id = :organisation")
			.param("id", id).param("organisation", organisation).query(AssessmentRepository::assessment).optional();
	}

	/** Locks the assessment's row until the transaction ends: saving an answer and submitting take turns. */
	Optional<Assessment.Status> lock(long id, String organisation) {
		return jdbc.sql("select status from assessment where id = :id and organisation_id = :organisation for update")
			.param("id", id).param("organisation", organisation).query(String.class).optional()
			.map(Assessment.Status::valueOf);
	}

	Optional<Long> draftFor(String organisation, String frameworkId) {
		return jdbc.sql("select id from assessment where draft_key = :key").param("key", draftKey(organisation,
				frameworkId)).query(Long.class).optional();
	}

	/** The organisation's assessments, newest first. */
	List<Assessment> forOrganisation(String organisation) {
		return jdbc.sql("select " + COLUMNS + FROM + """
				where a.organisation_id = :organisation order by coalesce(a.submitted_at, a.updated_at) desc, a.id desc""")
			.param("organisation", organisation).query(AssessmentRepository::assessment).list();
	}

	List<Answer> answers(long assessmentId) {
		return jdbc.sql("select " + ANSWER_COLUMNS + " from assessment_answer where assessment_id = :id order by position, indicator_id")
			.param("id", assessmentId).query(AssessmentRepository::answer).list();
	}

	Optional<Answer> answer(long assessmentId, String indicatorId) {
		return jdbc.sql("select " + ANSWER_COLUMNS + " from assessment_answer where assessment_id = :id and indicator_id = :indicator")
			.param("id", assessmentId).param("indicator", indicatorId).query(AssessmentRepository::answer).optional();
	}

	/**
	 * Saves an answer if nobody saved it since {@code expectedRevision} (0: nobody has answered it yet);
	 * false when someone did. The caller holds the assessment's lock.
	 */
	boolean saveAnswer(long assessmentId, Answer answer, int expectedRevision, long by) {
		if (expectedRevision == 0) {
			if (answer(assessmentId, answer.indicatorId()).isPresent()) {
				return false;
			}
			jdbc.sql("insert into assessment_answer (assessment_id, " + ANSWER_COLUMNS + ", answered_by) values ("
					+ ":id, :indicator, :position, :level, :title, :question, :themes, :search, :step, :description, "
					+ ":next, :evidence, 1, :byName, :at, :by)")
				.params(answerParams(assessmentId, answer)).param("by", by).update();
			return true;
		}
		return jdbc.sql("""
				update assessment_answer set position = :position, level_id = :level, indicator_title = :title,
				    question = :question, themes = :themes, search_terms = :search, step = :step,
				    step_description = :description, next_step = :next, evidence = :evidence, revision = revision + 1,
				    answered_by = :by, answered_by_name = :byName, answered_at = :at
				where assessment_id = :id and indicator_id = :indicator and revision = :expected""")
			.params(answerParams(assessmentId, answer)).param("by", by).param("expected", expectedRevision)
			.update() == 1;
	}

	/** Keeps the copy of what was asked up to date with the framework, without counting as a save. */
	void refreshAnswerText(long assessmentId, Answer answer) {
		jdbc.sql("""
				update assessment_answer set position = :position, level_id = :level, indicator_title = :title,
				    question = :question, themes = :themes, search_terms = :search, step_description = :description,
				    next_step = :next
				where assessment_id = :id and indicator_id = :indicator""")
			.params(answerParams(assessmentId, answer)).update();
	}

	void deleteAnswer(long assessmentId, String indicatorId) {
		jdbc.sql("delete from assessment_answer where assessment_id = :id and indicator_id = :indicator")
			.param("id", assessmentId).param("indicator", indicatorId).update();
	}

	void touch(long id, Framework framework, Instant now) {
		jdbc.sql("""
				update assessment set updated_at = :now, framework_version = :version, framework_title = :title,
				    scale_name = :scale, scale_labels = :labels
				where id = :id""")
			.param("now", utc(now)).param("version", framework.version()).param("title", framework.title())
			.param("scale", framework.scale().name()).param("labels", String.join(SEPARATOR, framework.scale().labels()))
			.param("id", id).update();
	}

	/** Moves a draft to submitted; false if it was not a draft any more (a colleague submitted it first). */
	boolean submit(long id, long by, String byName, Instant now) {
		return jdbc.sql("""
				update assessment set status = 'SUBMITTED', draft_key = null, submitted_by = :by,
				    submitted_by_name = :byName, submitted_at = :now, updated_at = :now
				where id = :id and status = 'DRAFT'""")
			.param("by", by).param("byName", byName).param("now", utc(now)).param("id", id).update() == 1;
	}

	/** One row per answer of every submitted assessment of a framework: what benchmarks are built from. */
	List<SubmittedScore> submittedScores(String frameworkId) {
		return jdbc.sql("""
				select a.id, a.organisation_id, a.framework_version, a.submitted_at, s.level_id, s.step
				from assessment a join assessment_answer s on s.assessment_id = a.id
				where a.framework_id = :framework and a.status = 'SUBMITTED'""")
			.param("framework", frameworkId)
			.query((rs, n) -> new SubmittedScore(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
					Optional.ofNullable((Integer) rs.getObject(6, Integer.class))))
			.list();
	}

	record SubmittedScore(long assessmentId, String organisation, String version, Instant submittedAt, String level,
			Optional<Integer> step) {
	}

	private static java.util.Map<String, Object> answerParams(long assessmentId, Answer answer) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("id", assessmentId);
		params.put("indicator", answer.indicatorId());
		params.put("position", answer.position());
		params.put("level", answer.level());
		params.put("title", answer.indicatorTitle());
		params.put("question", answer.question());
		params.put("themes", String.join(SEPARATOR, answer.themes()));
		params.put("search", answer.searchTerms());
		params.put("step", answer.step().orElse(null));
		params.put("description", answer.stepDescription());
		params.put("next", answer.nextStep());
		params.put("evidence", answer.evidence());
		params.put("byName", answer.answeredByName());
		params.put("at", utc(answer.answeredAt()));
		return params;
	}

	private static String draftKey(String organisation, String frameworkId) {
		return organisation + ":" + frameworkId;
	}

	private static Assessment assessment(ResultSet rs, int row) throws SQLException {
		return new Assessment(rs.getLong("id"), rs.getString("organisation_id"), rs.getString("framework_id"),
				rs.getString("framework_version"), rs.getString("framework_title"), rs.getString("scale_name"),
				split(rs.getString("scale_labels")), Assessment.Status.valueOf(rs.getString("status")),
				rs.getString("created_by_name"), instant(rs, "created_at").orElseThrow(),
				instant(rs, "updated_at").orElseThrow(), Optional.ofNullable(rs.getString("submitted_by_name")),
				instant(rs, "submitted_at"));
	}

	private static Answer answer(ResultSet rs, int row) throws SQLException {
		return new Answer(rs.getString("indicator_id"), rs.getInt("position"), rs.getString("level_id"),
				rs.getString("indicator_title"), rs.getString("question"), split(rs.getString("themes")),
				rs.getString("search_terms"), Optional.ofNullable((Integer) rs.getObject("step", Integer.class)),
				rs.getString("step_description"), rs.getString("next_step"), rs.getString("evidence"),
				rs.getInt("revision"), rs.getString("answered_by_name"), instant(rs, "answered_at").orElseThrow());
	}

	private static List<String> split(String joined) {
		return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\|"));
	}

	private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
