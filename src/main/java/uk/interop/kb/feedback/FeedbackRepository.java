package uk.interop.kb.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for page and service feedback. Nothing here identifies a person: no account, no address, days only. */
@Repository
class FeedbackRepository {

	private final JdbcClient jdbc;

	FeedbackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long addAnswer(String page, boolean useful, LocalDate day) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into page_feedback (page, useful, created_on) values (:page, :useful, :day)")
			.param("page", page).param("useful", useful).param("day", day).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Adds "what were you trying to do" to a "no" answer that has none yet; false if there is no such answer. */
	boolean addTryingToDo(long id, String text) {
		return jdbc.sql("update page_feedback set trying_to_do = :text where id = :id and useful = false "
				+ "and trying_to_do is null").param("text", text).param("id", id).update() == 1;
	}

	void addServiceFeedback(Satisfaction satisfaction, String improve, LocalDate day) {
		jdbc.sql("insert into service_feedback (satisfaction, improve, created_on) values (:s, :improve, :day)")
			.param("s", satisfaction.name()).param("improve", improve.isEmpty() ? null : improve).param("day", day)
			.update();
	}

	/** Yes and no answers for one page, or every page when {@code page} is empty, since {@code from}. */
	record Counts(String page, long yes, long no, long comments) {
		public long total() {
			return yes + no;
		}

		/** Share of answers that said yes, as a whole percentage; 0 without answers. */
		public long percentUseful() {
			return total() == 0 ? 0 : Math.round(100.0 * yes / total());
		}
	}

	Counts overall(LocalDate from) {
		return jdbc.sql("""
				select coalesce(sum(case when useful then 1 else 0 end), 0),
				       coalesce(sum(case when useful then 0 else 1 end), 0),
				       coalesce(sum(case when trying_to_do is null then 0 else 1 end), 0)
				from page_feedback where created_on >= :from""")
			.param("from", from)
			.query((rs, n) -> new Counts("", rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}

	/** Per page, those with the most "no" answers first. */
	List<Counts> byPage(LocalDate from, int limit) {
		return jdbc.sql("""
				select page, sum(case when useful then 1 else 0 end) as yes, sum(case when useful then 0 else 1 end) as no,
				       sum(case when trying_to_do is null then 0 else 1 end) as comments
				from page_feedback where created_on >= :from group by page
				order by no desc, yes desc, page fetch first :limit rows only""")
			.param("from", from).param("limit", limit)
			.query((rs, n) -> new Counts(rs.getString("page"), rs.getLong("yes"), rs.getLong("no"),
					rs.getLong("comments")))
			.list();
	}

	Optional<Counts> forPage(String page, LocalDate from) {
		return jdbc.sql("""
				select page, sum(case when useful then 1 else 0 end) as yes, sum(case when useful then 0 else 1 end) as no,
				       sum(case when trying_to_do is null then 0 else 1 end) as comments
				from page_feedback where page = :page and created_on >= :from group by page""")
			.param("page", page).param("from", from)
			.query((rs, n) -> new Counts(rs.getString("page"), rs.getLong("yes"), rs.getLong("no"),
					rs.getLong("comments")))
			.optional();
	}

	/** What someone was trying to do, on a day. */
	record Comment(LocalDate day, String text) {
	}

	List<Comment> comments(String page, LocalDate from, int limit) {
		return jdbc.sql("""
				select created_on, trying_to_do from page_feedback
				where page = :page and trying_to_do is not null and created_on >= :from
				order by created_on desc, id desc fetch first :limit rows only""")
			.param("page", page).param("from", from).param("limit", limit)
			.query((rs, n) -> new Comment(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
	}

	/** How many said each thing on the feedback page since {@code from}. */
	java.util.Map<Satisfaction, Long> satisfaction(LocalDate from) {
		java.util.Map<Satisfaction, Long> counts = new java.util.EnumMap<>(Satisfaction.class);
		for (Satisfaction s : Satisfaction.values()) {
			counts.put(s, 0L);
		}
		jdbc.sql("select satisfaction, count(*) from service_feedback where created_on >= :from group by satisfaction")
			.param("from", from)
			.query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2))).list()
			.forEach(e -> {
				try {
					counts.put(Satisfaction.valueOf(e.getKey()), e.getValue());
				}
				catch (IllegalArgumentException ignored) {
					// A value this version does not know: not counted.
				}
			});
		return counts;
	}

	/** Suggestions from the feedback page, newest first. */
	record Suggestion(LocalDate day, String satisfaction, String text) {
	}

	List<Suggestion> suggestions(LocalDate from, int limit) {
		return jdbc.sql("""
				select created_on, satisfaction, improve from service_feedback
				where improve is not null and created_on >= :from
				order by created_on desc, id desc fetch first :limit rows only""")
			.param("from", from).param("limit", limit)
			.query((rs, n) -> new Suggestion(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Deletes rows from before {@code oldest}; returns how many. */
	int deleteBefore(LocalDate oldest) {
		return jdbc.sql("delete from page_feedback where created_on < :oldest").param("oldest", oldest).update()
				+ jdbc.sql("delete from service_feedback where created_on < :oldest").param("oldest", oldest).update();
	}
}
