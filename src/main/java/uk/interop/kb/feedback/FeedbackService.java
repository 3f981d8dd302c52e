package uk.interop.kb.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import uk.interop.kb.shared.RetentionProperties;

/**
 * Takes feedback in and keeps it only as long as {@code kb.retention.feedback}. Pages are stored as their path
 * on this site, checked, so an answer can neither name another site nor carry a query string (which could hold
 * what someone typed into search).
 */
@Service
class FeedbackService {

	static final int MAX_TEXT = 1200;
	private static final Pattern PAGE = Pattern.compile("/([A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*)?");
	private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);

	private final FeedbackRepository repository;
	private final Clock clock;
	private final RetentionProperties retention;

	FeedbackService(FeedbackRepository repository, Clock clock, RetentionProperties retention) {
		this.repository = repository;
		this.clock = clock;
		this.retention = retention;
	}

	/** The page if it is a path on this site that feedback can be about. */
	static Optional<String> page(String page) {
		return page != null && page.length() <= 300 && PAGE.matcher(page).matches() && !page.contains("..")
				? Optional.of(page) : Optional.empty();
	}

	long answer(String page, boolean useful) {
		return repository.addAnswer(page, useful, today());
	}

	/** An error for the field, or empty when the text was saved (an empty text saves nothing, and is fine). */
	Optional<String> tryingToDo(long answer, String text) {
		String value = text == null ? "" : text.strip();
		if (value.length() > MAX_TEXT) {
			return Optional.of("What you were trying to do must be " + MAX_TEXT + " characters or fewer");
		}
		if (!value.isEmpty()) {
			repository.addTryingToDo(answer, value);
		}
		return Optional.empty();
	}

	/** Errors by field (nothing saved), or none when it was saved. */
	Map<String, String> serviceFeedback(String satisfaction, String improve) {
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Satisfaction> chosen = Satisfaction.fromId(satisfaction == null ? "" : satisfaction);
		String text = improve == null ? "" : improve.strip();
		if (chosen.isEmpty()) {
			errors.put("satisfaction", "Select how you felt about Interop KB");
		}
		if (text.length() > MAX_TEXT) {
			errors.put("improve", "How we could improve it must be " + MAX_TEXT + " characters or fewer");
		}
		if (errors.isEmpty()) {
			repository.addServiceFeedback(chosen.get(), text, today());
		}
		return errors;
	}

	/** Deletes feedback past the retention period; returns how many rows. */
	@Scheduled(cron = "0 41 3 * * *", zone = "UTC")
	int deleteExpired() {
		int deleted = repository.deleteBefore(today().minusDays(retention.feedback().toDays() - 1));
		if (deleted > 0) {
			log.info("Deleted {} feedback answers older than {}", deleted, RetentionProperties.describe(retention.feedback()));
		}
		return deleted;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}
}
