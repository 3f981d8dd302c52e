package uk.interop.kb.search.index;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Watches for a failed index writer (a tragic exception such as a full disk, or a writer closed
 * underneath) and recovers: a new writer on the last commit, then a sync that catches the index up
 * with {@code content/} and the database. Until then health reports the index DOWN with the reason.
 */
public class IndexRecovery {

	private static final Logger log = LoggerFactory.getLogger(IndexRecovery.class);

	private final SearchIndex index;
	private final ContentIndexer indexer;

	public IndexRecovery(SearchIndex index, ContentIndexer indexer) {
		this.index = index;
		this.indexer = indexer;
	}

	@Scheduled(fixedDelay = 2000, initialDelay = 2000)
	void check() {
		if (index.needsReopen()) {
			recover();
		}
	}

	/** Reopens and catches up; false (and a WARN) if that failed too, to be tried again at the next check. */
	public synchronized boolean recover() {
		try {
			log.warn("Index writer failed ({}): reopening it and catching up", index.problem().orElse("unknown"));
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
