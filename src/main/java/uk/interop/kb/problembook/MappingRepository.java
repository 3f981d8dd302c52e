package uk.interop.kb.problembook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mapping ledger. Append-only: there is no update and no delete. */
@Repository
class MappingRepository {

	private static final String COLUMNS = """
			id, entry_reference, level_id, action_id, review_state, confidence, rationale, recorded_by,
			recorded_by_name, recorded_at""";

	private final JdbcClient jdbc;

	MappingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(MappingRecord record) {
		jdbc.sql("""
				insert into problem_book_mapping (entry_reference, level_id, action_id, review_state, confidence,
				    rationale, recorded_by, recorded_by_name, recorded_at)
				values (:reference, :level, :action, :state, :confidence, :rationale, :by, :byName, :at)""")
			.param("reference", record.reference())
			.param("level", record.level())
			.param("action", record.action().id())
			.param("state", record.state().id())
			.param("confidence", record.confidence().id())
			.param("rationale", record.rationale())
			.param("by", record.recordedBy())
			.param("byName", record.recordedByName())
			.param("at", OffsetDateTime.ofInstant(record.recordedAt(), ZoneOffset.UTC))
			.update();
	}

	/** Every row for one entry, newest first. */
	List<MappingRecord> history(String reference) {
		return jdbc.sql("select " + COLUMNS + " from problem_book_mapping where entry_reference = :reference order by id desc")
			.param("reference", reference)
			.query(MappingRepository::row)
			.list();
	}

	/** The newest row for each entry and level, grouped by entry, newest first within each. */
	Map<String, List<MappingRecord>> latestByEntry() {
		List<MappingRecord> rows = jdbc.sql("select " + COLUMNS + """
				 from problem_book_mapping
				where id in (select max(id) from problem_book_mapping group by entry_reference, level_id)
				order by id desc""")
			.query(MappingRepository::row)
			.list();
		Map<String, List<MappingRecord>> byEntry = new LinkedHashMap<>();
		rows.forEach(r -> byEntry.computeIfAbsent(r.reference(), k -> new java.util.ArrayList<>()).add(r));
		return byEntry;
	}

	private static MappingRecord row(ResultSet rs, int n) throws SQLException {
		return new MappingRecord(rs.getLong("id"), rs.getString("entry_reference"), rs.getString("level_id"),
				MappingAction.fromId(rs.getString("action_id")), ReviewState.fromId(rs.getString("review_state")),
				Confidence.fromId(rs.getString("confidence")), rs.getString("rationale"), rs.getString("recorded_by"),
				rs.getString("recorded_by_name"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
	}
}
