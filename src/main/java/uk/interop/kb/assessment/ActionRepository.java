package uk.interop.kb.assessment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for improvement actions. Reads of one organisation's actions always name the organisation. */
@Repository
class ActionRepository {

	private static final String COLUMNS = """
			id, organisation_id, title, details, owner, due_date, status, evidence, assessment_id, submission_id,
			version, created_by_name, created_at, updated_by_name, updated_at""";

	private final JdbcClient jdbc;

	ActionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a save writes; links are replaced as a whole. */
	record Values(String title, String details, String owner, Optional<LocalDate> due, ActionStatus status,
			String evidence, List<String> lessons, List<ImprovementAction.IndicatorRef> indicators) {
	}

	long insert(String organisation, Values values, Optional<Long> assessmentId, long by, String byName,
			Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into improvement_action (organisation_id, title, details, owner, due_date, status, evidence,
				    assessment_id, version, created_by, created_by_name, created_at, updated_by_name, updated_at)
				values (:organisation, :title, :details, :owner, :due, :status, :evidence, :assessment, 1, :by, :byName,
				    :now, :byName, :now)""")
			.param("organisation", organisation).param("title", values.title()).param("details", values.details())
			.param("owner", values.owner()).param("due", values.due().map(Date::valueOf).orElse(null))
			.param("status", values.status().name()).param("evidence", values.evidence())
			.param("assessment", assessmentId.orElse(null)).param("by", by).param("byName", byName)
			.param("now", AssessmentRepository.utc(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		links(id, values);
		return id;
	}

	/** Saves if nobody saved since {@code expectedVersion}; false when someone did. */
	boolean update(long id, String organisation, Values values, int expectedVersion, String byName, Instant now) {
		int updated = jdbc.sql("""
				update improvement_action set title = :title, details = :details, owner = :owner, due_date = :due,
				    status = :status, evidence = :evidence, version = version + 1, updated_by_name = :byName,
				    updated_at = :now
				where id = :id and organisation_id = :organisation and version = :version""")
			.param("title", values.title()).param("details", values.details()).param("owner", values.owner())
			.param("due", values.due().map(Date::valueOf).orElse(null)).param("status", values.status().name())
			.param("evidence", values.evidence()).param("byName", byName).param("now", AssessmentRepository.utc(now))
			.param("id", id).param("organisation", organisation).param("version", expectedVersion).update();
		if (updated == 1) {
			jdbc.sql("delete from improvement_action_lesson where action_id = :id").param("id", id).update();
			jdbc.sql("delete from improvement_action_indicator where action_id = :id").param("id", id).update();
			links(id, values);
		}
		return updated == 1;
	}

	void recordCaseStudy(long id, long submissionId) {
		jdbc.sql("update improvement_action set submission_id = :submission where id = :id")
			.param("submission", submissionId).param("id", id).update();
	}

	void event(long id, Optional<ActionStatus> from, ActionStatus to, String byName, Instant now) {
		jdbc.sql("""
				insert into improvement_action_event (action_id, from_status, to_status, actor_name, created_at)
				values (:id, :from, :to, :byName, :now)""")
			.param("id", id).param("from", from.map(Enum::name).orElse(null)).param("to", to.name())
			.param("byName", byName).param("now", AssessmentRepository.utc(now)).update();
	}

	Optional<ImprovementAction> find(long id, String organisation) {
		List<ImprovementAction> found = load(jdbc.sql("select " + COLUMNS
				+ " from improvement_action where id = :id and organisation_id = :organisation")
			.param("id", id).param("organisation", organisation));
		return found.stream().findFirst();
	}

	/** The organisation's actions, soonest due first (those with no date last), then newest. */
	List<ImprovementAction> forOrganisation(String organisation) {
		return load(jdbc.sql("select " + COLUMNS + """
				 from improvement_action where organisation_id = :organisation
				order by case when due_date is null then 1 else 0 end, due_date, id desc""")
			.param("organisation", organisation));
	}

	List<ImprovementAction.Event> events(long id) {
		return jdbc.sql("""
				select from_status, to_status, actor_name, created_at from improvement_action_event
				where action_id = :id order by id""")
			.param("id", id)
			.query((rs, n) -> new ImprovementAction.Event(Optional.ofNullable(rs.getString(1)).map(ActionStatus::valueOf),
					ActionStatus.valueOf(rs.getString(2)), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** How many organisations have an action on the document, and how many of them report it learned. */
	long[] uptake(String documentId) {
		long acted = jdbc.sql("""
				select count(distinct a.organisation_id) from improvement_action a
				join improvement_action_lesson l on l.action_id = a.id where l.document_id = :doc""")
			.param("doc", documentId).query(Long.class).single();
		long learned = jdbc.sql("""
				select count(distinct a.organisation_id) from improvement_action a
				join improvement_action_lesson l on l.action_id = a.id
				where l.document_id = :doc and a.status = 'LESSON_LEARNED'""")
			.param("doc", documentId).query(Long.class).single();
		return new long[] { acted, learned };
	}

	/** Actions per status across every organisation (counts only). */
	Map<ActionStatus, Long> countsByStatus() {
		Map<ActionStatus, Long> counts = new java.util.EnumMap<>(ActionStatus.class);
		jdbc.sql("select status, count(*) from improvement_action group by status")
			.query((rs, n) -> Map.entry(ActionStatus.valueOf(rs.getString(1)), rs.getLong(2))).list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	long organisationsWithActions() {
		return jdbc.sql("select count(distinct organisation_id) from improvement_action").query(Long.class).single();
	}

	/** Documents by how many organisations have acted on them, most first. */
	List<Map.Entry<String, long[]>> mostActedOn(int limit) {
		return jdbc.sql("""
				select l.document_id, count(distinct a.organisation_id) as acted,
				    count(distinct case when a.status = 'LESSON_LEARNED' then a.organisation_id end) as learned
				from improvement_action a join improvement_action_lesson l on l.action_id = a.id
				group by l.document_id order by acted desc, learned desc, l.document_id""")
			.query((rs, n) -> Map.entry(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list().stream().limit(limit).toList();
	}

	private void links(long id, Values values) {
		for (String lesson : values.lessons()) {
			jdbc.sql("insert into improvement_action_lesson (action_id, document_id) values (:id, :doc)")
				.param("id", id).param("doc", lesson).update();
		}
		for (ImprovementAction.IndicatorRef ref : values.indicators()) {
			jdbc.sql("""
					insert into improvement_action_indicator (action_id, framework_id, indicator_id)
					values (:id, :framework, :indicator)""")
				.param("id", id).param("framework", ref.framework()).param("indicator", ref.indicator()).update();
		}
	}

	private List<ImprovementAction> load(JdbcClient.StatementSpec query) {
		record Row(long id, String organisation, String title, String details, String owner, Optional<LocalDate> due,
				ActionStatus status, String evidence, Optional<Long> assessment, Optional<Long> submission, int version,
				String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
		}
		List<Row> rows = query.query((ResultSet rs, int n) -> new Row(rs.getLong("id"), rs.getString("organisation_id"),
				rs.getString("title"), rs.getString("details"), rs.getString("owner"),
				Optional.ofNullable(rs.getDate("due_date")).map(Date::toLocalDate),
				ActionStatus.valueOf(rs.getString("status")), rs.getString("evidence"), optionalLong(rs, "assessment_id"),
				optionalLong(rs, "submission_id"), rs.getInt("version"), rs.getString("created_by_name"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by_name"),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant())).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> lessons = new HashMap<>();
		Map<Long, List<ImprovementAction.IndicatorRef>> indicators = new HashMap<>();
		String ids = String.join(",", rows.stream().map(r -> Long.toString(r.id())).toList());
		// Ids are numbers from the rows just read, never text from a request.
		jdbc.sql("select action_id, document_id from improvement_action_lesson where action_id in (" + ids
				+ ") order by document_id")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
			.forEach(e -> lessons.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		jdbc.sql("select action_id, framework_id, indicator_id from improvement_action_indicator where action_id in ("
				+ ids + ") order by framework_id, indicator_id")
			.query((rs, n) -> Map.entry(rs.getLong(1), new ImprovementAction.IndicatorRef(rs.getString(2),
					rs.getString(3)))).list()
			.forEach(e -> indicators.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return rows.stream().map(r -> new ImprovementAction(r.id(), r.organisation(), r.title(), r.details(), r.owner(),
				r.due(), r.status(), r.evidence(), r.assessment(), r.submission(),
				lessons.getOrDefault(r.id(), List.of()), indicators.getOrDefault(r.id(), List.of()), r.version(),
				r.createdBy(), r.createdAt(), r.updatedBy(), r.updatedAt())).toList();
	}

	private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
		return Optional.ofNullable((Long) rs.getObject(column, Long.class));
	}
}
