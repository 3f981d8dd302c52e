package uk.interop.kb.problembook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.content.Visibility;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentChanged;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Everything editors change: mapping decisions (propose, agree, dispute, change) and new entries.
 * Each change is a new ledger row plus an audit event, in one transaction; an entry created in the
 * app is re-indexed after the commit ({@link DocumentChanged}), so search shows it at once.
 */
@Service
public class MappingEditor {

	static final int MAX_RATIONALE = 2000;
	static final int MAX_TITLE = 200;
	static final int MAX_SUMMARY = 600;
	static final int MAX_STATEMENT = 20_000;
	static final int MAX_THEMES = 20;

	private final ProblemBook book;
	private final MappingRepository ledger;
	private final EntryRepository stored;
	private final AuditLog audit;
	private final Taxonomy taxonomy;
	private final Clock clock;
	private final TransactionOperations transactions;
	private final ApplicationEventPublisher events;

	MappingEditor(ProblemBook book, MappingRepository ledger, EntryRepository stored, AuditLog audit,
			Taxonomy taxonomy, Clock clock, TransactionOperations transactions, ApplicationEventPublisher events) {
		this.book = book;
		this.ledger = ledger;
		this.stored = stored;
		this.audit = audit;
		this.taxonomy = taxonomy;
		this.clock = clock;
		this.transactions = transactions;
		this.events = events;
	}

	/** Who is acting: the username goes to the audit log, the display name to members' pages. */
	public record Editor(String username, String displayName) {
	}

	/** Field id → message, in form order; empty when the change was made. */
	public record Outcome(Map<String, String> errors, String reference) {
		public Outcome {
			errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
		}

		public boolean done() {
			return errors.isEmpty();
		}
	}

	/** A mapping decision as typed into the form; any field may be missing or nonsense. */
	public record Decision(String action, String level, String confidence, String rationale) {
	}

	/** Records one decision about one entry at one level, if the rules allow it. */
	public Outcome decide(Editor editor, String reference, Decision decision, Audience audience, String source) {
		EntryMapping mapping = book.mapping(reference, audience).orElseThrow(EntryNotFoundException::new);
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<MappingAction> action = MappingAction.chosen(orEmpty(decision.action()));
		Optional<String> level = Optional.of(orEmpty(decision.level())).filter(l -> taxonomy.level(l).isPresent());
		Optional<Confidence> confidence = Confidence.chosen(orEmpty(decision.confidence()));
		String rationale = orEmpty(decision.rationale()).strip();
		if (action.isEmpty()) {
			errors.put("action", "Choose what to do");
		}
		if (level.isEmpty()) {
			errors.put("level", "Choose a level");
		}
		if (action.isPresent() && level.isPresent()) {
			ruleBreach(mapping, action.get(), level.get(), taxonomy.levels().label(level.get())).ifPresent(message -> errors.put("action", message));
		}
		// Disputing says the mapping is contested: a confidence in it would mean nothing, so none is asked for.
		boolean disputing = action.filter(a -> a == MappingAction.DISPUTE).isPresent();
		if (confidence.isEmpty() && disputing) {
			confidence = Optional.of(Confidence.NOT_STATED);
		}
		if (confidence.isEmpty()) {
			errors.put("confidence", "Choose how confident you are");
		}
		if (rationale.isEmpty()) {
			errors.put("rationale", "Enter the rationale for this decision");
		}
		else if (rationale.length() > MAX_RATIONALE) {
			errors.put("rationale", "The rationale must be " + MAX_RATIONALE + " characters or fewer");
		}
		if (!errors.isEmpty()) {
			return new Outcome(errors, mapping.reference());
		}
		MappingRecord record = new MappingRecord(0, mapping.reference(), level.get(), action.get(),
				action.get().result(), confidence.get(), rationale, editor.username(), editor.displayName(),
				Instant.now(clock));
		transactions.executeWithoutResult(status -> {
			ledger.append(record);
			audit.record(editor.username(), "PROBLEM_BOOK_" + action.get().name(), mapping.reference() + " "
					+ level.get(), "state=" + record.state().id() + "; confidence=" + record.confidence().id()
					+ "; rationale=" + rationale, source);
			if (action.get() == MappingAction.DISPUTE) {
				events.publishEvent(new MappingDisputed(mapping.reference(), mapping.entry().title(), level.get(),
						taxonomy.levels().label(level.get()), rationale, editor.username(), editor.displayName()));
			}
			if (mapping.entry().origin() == SourceDocument.Origin.DATABASE) {
				// An app entry is indexed with its mapped levels: search shows the change after the commit.
				events.publishEvent(new DocumentChanged(mapping.entry().documentId(), "PROBLEM_BOOK_MAPPED"));
			}
		});
		return new Outcome(Map.of(), mapping.reference());
	}

	/** Why this action cannot be taken on this level now, if it cannot. */
	private static Optional<String> ruleBreach(EntryMapping mapping, MappingAction action, String level,
			String levelName) {
		Optional<MappingRecord> current = mapping.at(level);
		return switch (action) {
			case PROPOSE -> current.filter(m -> m.state().counted())
				.map(m -> "This entry is already mapped to " + levelName + ": agree with, dispute or change that mapping");
			case AGREE -> current.isEmpty() ? Optional.of("There is no mapping to " + levelName + " to agree with: propose it first")
					: current.filter(m -> m.state() == ReviewState.AGREED).map(m -> "The mapping to " + levelName + " is already agreed");
			case DISPUTE -> current.isEmpty() ? Optional.of("There is no mapping to " + levelName + " to dispute")
					: current.filter(m -> m.state() == ReviewState.DISPUTED).map(m -> "The mapping to " + levelName + " is already disputed");
			case CHANGE -> current.isEmpty() ? Optional.of("There is no mapping to " + levelName + " to change: propose it first")
					: Optional.empty();
			case FROM_CONTENT_FILE -> Optional.of("Choose what to do");
		};
	}

	/** A new entry as typed into the form. */
	public record NewEntry(String title, String summary, String statement, List<String> themes, String visibility) {
		public NewEntry {
			themes = themes == null ? List.of() : List.copyOf(themes.stream().filter(java.util.Objects::nonNull).toList());
		}
	}

	/** Creates an entry with the next free reference; it starts unmapped. */
	public Outcome create(Editor editor, NewEntry form, String source) {
		Map<String, String> errors = new LinkedHashMap<>();
		String title = oneLine(form.title());
		String summary = oneLine(form.summary());
		String statement = orEmpty(form.statement()).strip();
		List<String> themes = form.themes().stream().distinct().toList();
		Optional<Visibility> visibility = Visibility.fromId(orEmpty(form.visibility()));
		required(errors, "title", "Enter a title", title, MAX_TITLE, "The title");
		required(errors, "summary", "Enter a summary", summary, MAX_SUMMARY, "The summary");
		required(errors, "statement", "Enter the problem statement", statement, MAX_STATEMENT, "The problem statement");
		if (themes.isEmpty()) {
			errors.put("themes", "Choose at least one theme");
		}
		else if (themes.size() > MAX_THEMES || themes.stream().anyMatch(t -> taxonomy.theme(t).isEmpty())) {
			errors.put("themes", "Choose themes from the list");
		}
		if (visibility.isEmpty()) {
			errors.put("visibility", "Choose who can read this entry");
		}
		if (!errors.isEmpty()) {
			return new Outcome(errors, "");
		}
		for (int attempt = 0;; attempt++) {
			int number = book.highestNumberInUse() + 1;
			String reference = References.format(number);
			StoredEntry entry = new StoredEntry(reference, number, documentId(reference, title), title, summary,
					statement, themes, visibility.get(), "proposed", editor.username(), Instant.now(clock));
			try {
				transactions.executeWithoutResult(status -> {
					stored.insert(entry);
					audit.record(editor.username(), "PROBLEM_BOOK_ENTRY_CREATED", reference, title, source);
					events.publishEvent(new DocumentChanged(entry.documentId(), "PROBLEM_BOOK_ENTRY_CREATED"));
				});
				return new Outcome(Map.of(), reference);
			}
			catch (DuplicateKeyException ex) {
				// Another editor took the number (or the id) at the same moment: take the next one.
				if (attempt == 2) {
					throw ex;
				}
			}
		}
	}

	static String documentId(String reference, String title) {
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
		}
		String base = "problem-book/" + reference.toLowerCase(Locale.ROOT);
		return slug.isEmpty() ? base : base + "-" + slug;
	}

	private static void required(Map<String, String> errors, String field, String missing, String value, int max,
			String name) {
		if (value.isEmpty()) {
			errors.put(field, missing);
		}
		else if (value.length() > max) {
			errors.put(field, name + " must be " + max + " characters or fewer");
		}
	}

	private static String oneLine(String text) {
		return orEmpty(text).replaceAll("\\s+", " ").strip();
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}
}
