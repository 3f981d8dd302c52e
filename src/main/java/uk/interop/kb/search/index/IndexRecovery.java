package uk.interop.kb.search.index;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Watches for a failed index writer (a tragic exception such as a full disk, or a writer closed
 * underneath) and recovers: a new writer on the last commit, then a sync that catches the index up
 * with {@code content/} and the database. While the disk is still full it waits, so reads keep the
 * last good searcher rather than falling back to the last commit; once there is room again it
 * recovers by itself. Until then health reports the index DEGRADED with the reason.
 */
public class IndexRecovery {

	private static final Logger log = LoggerFactory.getLogger(IndexRecovery.class);

	private final SearchIndex index;
	private final ContentIndexer indexer;
	private volatile boolean waitingForSpace;

	public IndexRecovery(SearchIndex index, ContentIndexer indexer) {
		this.index = index;
		this.indexer = indexer;
	}

	@Scheduled(fixedDelay = 2000, initialDelay = 2000)
	void check() {
		if (!index.needsReopen()) {
			waitingForSpace = false;
			return;
		}
		var disk = index.noRoomToRecover();
		if (disk.isPresent()) {
			if (!waitingForSpace) {
				log.warn("Index writer failed and {}: waiting for space before reopening it; reads go on meanwhile",
						disk.get());
				waitingForSpace = true;
			}
			return;
		}
		if (recover()) {
			waitingForSpace = false;
		}
	}

	/** Reopens and catches up; false (and a WARN) if that failed too, to be tried again at the next check. */
	public synchronized boolean recover() {
		try {
			log.warn("Index writer failed ({}): reopening it and catching up", index.writeProblem().orElse("unknown"));
			index.reopen();
			indexer.sync();
			log.info("Index recovered");
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Index recovery failed, trying again shortly: {}", ex.getMessage());
			return false;
		}
	}
}
