package uk.interop.kb.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One organisation's assessment against one framework. {@code frameworkVersion}, {@code frameworkTitle},
 * {@code scaleName} and {@code scaleLabels} are as they were when it was last saved or submitted, so it stays
 * readable whatever later happens to the framework file.
 */
public record Assessment(long id, String organisation, String frameworkId, String frameworkVersion,
		String frameworkTitle, String scaleName, List<String> scaleLabels, Status status, String createdByName,
		Instant createdAt, Instant updatedAt, Optional<String> submittedByName, Optional<Instant> submittedAt) {

	public Assessment {
		scaleLabels = List.copyOf(scaleLabels);
	}

	public enum Status {
		DRAFT, SUBMITTED
	}

	public boolean submitted() {
		return status == Status.SUBMITTED;
	}

	public int majorVersion() {
		return Framework.major(frameworkVersion);
	}

	/** The label of step {@code number} (1 to 5) on this assessment's scale; "Not known" for 0. */
	public String stepLabel(int number) {
		return number == 0 ? "Not known" : number <= scaleLabels.size() ? scaleLabels.get(number - 1) : "Step " + number;
	}

	public String url() {
		return "/assessments/" + id;
	}
}
