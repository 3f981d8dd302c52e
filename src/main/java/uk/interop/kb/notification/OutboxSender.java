package uk.interop.kb.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends what the outbox holds, on one thread of its own and never inside a transaction. For each due
 * row: claim it (one conditional update: of two instances, one wins), send it, record the outcome. A
 * failed send is tried again after 30 s, 1 min, 2 min… (doubling, up to {@code retry-max}) and after
 * {@code max-attempts} the row is {@code FAILED} for an administrator to see. A sender that dies while
 * holding a row loses it when its lease runs out, and another (or the restarted one) sends it: so a
 * message is never lost, and is sent twice only if the process dies between the server accepting it
 * and the row being marked, in which case both copies carry the same Message-ID.
 */
public class OutboxSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
	private static final int BATCH = 50;

	private final OutboxRepository rows;
	private final MailTransport transport;
	private final NotificationProperties properties;
	private final Clock clock;
	private final String name = "sender-" + UUID.randomUUID().toString().substring(0, 8);
	private final AtomicBoolean queued = new AtomicBoolean();
	private volatile ExecutorService thread;

	OutboxSender(OutboxRepository rows, MailTransport transport, NotificationProperties properties, Clock clock) {
		this.rows = rows;
		this.transport = transport;
		this.properties = properties;
		this.clock = clock;
	}

	/** Asks for a pass over the outbox soon; cheap to call often (at most one pass waits at a time). */
	public void wake() {
		ExecutorService current = thread;
		if (current != null && queued.compareAndSet(false, true)) {
			try {
				current.execute(this::passQuietly);
			}
			catch (java.util.concurrent.RejectedExecutionException stopping) {
				queued.set(false);
			}
		}
	}

	/** Sends everything due now; returns how many messages this sender sent. For the thread, and for tests. */
	public int sendDue() {
		int sent = 0;
		while (true) {
			List<Long> due = rows.claimable(clock.instant(), BATCH);
			int claimed = 0;
			for (long id : due) {
				Instant now = clock.instant();
				if (!rows.claim(id, name, now, now.plus(properties.lease()))) {
					continue;
				}
				claimed++;
				if (sendClaimed(id)) {
					sent++;
				}
			}
			if (due.size() < BATCH || claimed == 0) {
				return sent;
			}
		}
	}

	private boolean sendClaimed(long id) {
		OutboxRepository.Row row = rows.find(id).orElseThrow();
		try {
			transport.send(row);
		}
		catch (MailTransport.DeliveryException ex) {
			Optional<Instant> retry = ex.permanent() || row.attempts() >= properties.maxAttempts() ? Optional.empty()
					: Optional.of(clock.instant().plus(backoff(row.attempts())));
			rows.markFailed(id, name, ex.getMessage(), retry);
			log.warn("Email {} ({} to {}) attempt {} failed: {}{}", id, row.kind(), row.recipient(), row.attempts(),
					ex.getMessage(), retry.map(at -> "; next try at " + at).orElse("; given up"));
			return false;
		}
		catch (RuntimeException ex) {
			rows.markFailed(id, name, ex.toString(), Optional.of(clock.instant().plus(backoff(row.attempts()))));
			log.warn("Email {} could not be sent", id, ex);
			return false;
		}
		boolean wipe = row.kind() == EmailKind.INVITATION || row.kind() == EmailKind.PASSWORD_RESET;
		if (!rows.markSent(id, name, clock.instant(), wipe)) {
			// Our lease ran out mid-send and another sender took the row: it may go twice, same Message-ID.
			log.warn("Email {} was sent after this sender's lease on it ran out", id);
		}
		return true;
	}

	/** 30 s, 1 min, 2 min, … up to {@code retry-max}. */
	Duration backoff(int attempts) {
		Duration wait = properties.retryInitial();
		for (int i = 1; i < attempts && wait.compareTo(properties.retryMax()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
	}

	private void passQuietly() {
		queued.set(false);
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			// The database is unreachable, say: the next poll tries again.
			log.warn("Could not work through the outbox: {}", ex.toString());
		}
	}

	String transportDescription() {
		return transport.describe();
	}

	MailTransport transport() {
		return transport;
	}

	@Override
	public void start() {
		thread = Executors.newSingleThreadExecutor(runnable -> {
			Thread t = new Thread(runnable, "kb-mail-" + name);
			t.setDaemon(true);
			return t;
		});
		log.info("Email: {}", transport.describe());
		wake();
	}

	@Override
	public void stop() {
		ExecutorService current = thread;
		thread = null;
		if (current != null) {
			current.shutdown();
			try {
				current.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}
}
