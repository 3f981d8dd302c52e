package uk.interop.kb.problembook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.interop.kb.content.Visibility;

/** Problem-book entries created in the app. Themes are stored as comma-separated concept ids. */
@Repository
class EntryRepository {

	private final JdbcClient jdbc;

	EntryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredEntry entry) {
		jdbc.sql("""
				insert into problem_book_entry (reference, entry_number, document_id, title, summary, statement, themes,
				    visibility, status, created_by, created_at)
				values (:reference, :number, :documentId, :title, :summary, :statement, :themes, :visibility, :status,
				    :createdBy, :createdAt)""")
			.param("reference", entry.reference())
			.param("number", entry.number())
			.param("documentId", entry.documentId())
			.param("title", entry.title())
			.param("summary", entry.summary())
			.param("statement", entry.statement())
			.param("themes", String.join(",", entry.themes()))
			.param("visibility", entry.visibility().id())
			.param("status", entry.status())
			.param("createdBy", entry.createdBy())
			.param("createdAt", OffsetDateTime.ofInstant(entry.createdAt(), ZoneOffset.UTC))
			.update();
	}

	List<StoredEntry> all() {
		return jdbc.sql("select * from problem_book_entry order by entry_number").query(EntryRepository::row).list();
	}

	Optional<StoredEntry> find(String reference) {
		return jdbc.sql("select * from problem_book_entry where reference = :reference")
			.param("reference", reference)
			.query(EntryRepository::row)
			.optional();
	}

	int highestNumber() {
		return jdbc.sql("select coalesce(max(entry_number), 0) from problem_book_entry").query(Integer.class).single();
	}

	private static StoredEntry row(ResultSet rs, int n) throws SQLException {
		String themes = rs.getString("themes");
		return new StoredEntry(rs.getString("reference"), rs.getInt("entry_number"), rs.getString("document_id"),
				rs.getString("title"), rs.getString("summary"), rs.getString("statement"),
				themes.isEmpty() ? List.of() : Arrays.asList(themes.split(",")),
				Visibility.fromId(rs.getString("visibility")).orElse(Visibility.MEMBERS), rs.getString("status"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}
}
