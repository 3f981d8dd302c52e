package uk.interop.kb.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an organisation will do about an indicator or a lesson: who owns it, when it is due, where it has got
 * to, and the evidence when it is done. {@code version} guards against two colleagues overwriting each other.
 * {@code caseStudy} is the contributed case study drafted from it, once there is one.
 */
public record ImprovementAction(long id, String organisation, String title, String details, String owner,
		Optional<LocalDate> due, ActionStatus status, String evidence, Optional<Long> assessmentId,
		Optional<Long> caseStudy, List<String> lessons, List<IndicatorRef> indicators, int version,
		String createdByName, Instant createdAt, String updatedByName, Instant updatedAt) {

	public static final int MAX_TITLE = 200;
	public static final int MAX_TEXT = 4000;
	public static final int MAX_LINKS = 20;

	public ImprovementAction {
		lessons = List.copyOf(lessons);
		indicators = List.copyOf(indicators);
	}

	/** Past its due date and not done. */
	public boolean overdue(LocalDate today) {
		return due.map(d -> d.isBefore(today)).orElse(false) && !status.done();
	}

	public String url() {
		return "/assessments/actions/" + id;
	}

	/** An indicator of a framework, as {@code framework:indicator}. */
	public record IndicatorRef(String framework, String indicator) {

		public String key() {
			return framework + ":" + indicator;
		}

		public static Optional<IndicatorRef> parse(String key) {
			int colon = key == null ? -1 : key.indexOf(':');
			if (colon <= 0 || colon == key.length() - 1) {
				return Optional.empty();
			}
			return Optional.of(new IndicatorRef(key.substring(0, colon).strip(), key.substring(colon + 1).strip()));
		}
	}

	/** A change of status: from nothing when the action was recorded. */
	public record Event(Optional<ActionStatus> from, ActionStatus to, String actorName, Instant at) {
	}
}
