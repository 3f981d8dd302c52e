package uk.interop.kb.problembook;

import java.time.Instant;

/**
 * One row of the mapping ledger: an entry, a level and the decision made about it, by whom and
 * when. Rows are only ever added. An {@link #initial} record stands for a front-matter level and
 * has id 0: it is never stored.
 */
public record MappingRecord(long id, String reference, String level, MappingAction action, ReviewState state,
		Confidence confidence, String rationale, String recordedBy, String recordedByName, Instant recordedAt) {

	/** Who the initial mapping is attributed to. */
	public static final String CONTENT_FILES = "content files";

	static MappingRecord initial(String reference, String level, Instant published) {
		return new MappingRecord(0, reference, level, MappingAction.FROM_CONTENT_FILE, ReviewState.PROPOSED,
				Confidence.NOT_STATED, "Initial proposed mapping: this level is listed in the entry's content file.",
				CONTENT_FILES, CONTENT_FILES, published);
	}

	public boolean fromContentFile() {
		return id == 0;
	}

	/** The name to show an audience: people's names only to signed-in members, never usernames. */
	public String shownBy(boolean member) {
		if (fromContentFile()) {
			return CONTENT_FILES;
		}
		return member ? recordedByName : "An editor";
	}
}
