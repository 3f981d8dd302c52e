package uk.interop.kb.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.interop.kb.search.DatabaseDocuments;

/**
 * Keeps this instance's index in step with changes made by any instance: reads the change log after
 * the last entry it applied, re-reads each changed document's current state from its source and
 * upserts or deletes it ({@link DatabaseDocuments#refresh}, the same code that indexes this instance's own
 * changes after their commit), then records its position in the index's commit data (so a restart goes on
 * from there, and a rebuilt index replays harmlessly).
 *
 * <p>Identity values are handed out when rows are inserted but become visible when their
 * transactions commit, so entry 7 can appear after entry 8. The position only moves past a missing
 * id once it has been missing for {@link #GAP_GRACE} (a rolled-back transaction leaves a permanent
 * gap); entries beyond it are applied at once and remembered so they are not applied again.
 */
public class ChangeLogFollower {

	public static final String POSITION = "kb.changelog.applied";
	/** Longer than any transaction that writes the log takes between its insert and its commit. */
	static final Duration GAP_GRACE = Duration.ofSeconds(10);
	/** With no recorded position, entries this far back are replayed in case their transactions were in flight. */
	static final int REPLAY_ON_FIRST_START = 100;
	private static final int BATCH = 500;
	private static final Logger log = LoggerFactory.getLogger(ChangeLogFollower.class);

	private final ChangeLog changes;
	private final DatabaseDocuments index;
	private final Clock clock;
	private final Set<Long> appliedBeyondGap = new HashSet<>();
	private long position;
	private long gapId = -1;
	private Instant gapSince;
	private boolean failing;

	public ChangeLogFollower(ChangeLog changes, DatabaseDocuments index, Clock clock) {
		this.changes = changes;
		this.index = index;
		this.clock = clock;
		this.position = index.checkpoint(POSITION).map(Long::parseLong)
			.orElseGet(() -> Math.max(0, changes.lastId() - REPLAY_ON_FIRST_START));
	}

	/** The id of the last entry applied with nothing missing before it. */
	public synchronized long position() {
		return position;
	}

	/** Applies what is new; returns how many entries were applied. */
	public synchronized int poll() {
		List<ChangeLog.Entry> entries = changes.after(position, BATCH);
		if (entries.isEmpty()) {
			return 0;
		}
		long generation = -1;
		int applied = 0;
		long start = position;
		boolean contiguous = true;
		for (ChangeLog.Entry entry : entries) {
			if (appliedBeyondGap.add(entry.id())) {
				generation = Math.max(generation, index.refresh(entry.documentId()));
				applied++;
			}
			if (contiguous) {
				contiguous = advance(entry.id());
			}
		}
		appliedBeyondGap.removeIf(id -> id <= position);
		if (position != start) {
			index.saveCheckpoint(POSITION, Long.toString(position));
		}
		index.awaitSearchable(generation);
		return applied;
	}

	/** For the scheduler: a failure (database or index down) is logged once and tried again at the next poll. */
	public void pollQuietly() {
		try {
			poll();
			if (failing) {
				log.info("Following the change log again");
				failing = false;
			}
		}
		catch (RuntimeException ex) {
			if (!failing) {
				log.warn("Following the change log failed, will retry: {}", ex.getMessage());
				failing = true;
			}
		}
	}

	/** Moves the position to {@code id} if nothing is missing before it, or the gap has outlived its grace. */
	private boolean advance(long id) {
		if (id == position + 1) {
			position = id;
			gapId = -1;
			return true;
		}
		long missing = position + 1;
		if (gapId != missing) {
			gapId = missing;
			gapSince = clock.instant();
		}
		if (Duration.between(gapSince, clock.instant()).compareTo(GAP_GRACE) >= 0) {
			log.info("Change log entries {} to {} never appeared (rolled back); moving on", missing, id - 1);
			position = id;
			gapId = -1;
			return true;
		}
		return false;
	}
}
