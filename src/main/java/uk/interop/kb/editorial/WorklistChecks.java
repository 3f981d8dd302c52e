package uk.interop.kb.editorial;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.content.Document;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.web.SearchUrls;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * The worklist's checks, over plain values so they can be tested without an index: every document from every
 * origin, the problem-book entries with their mapped levels, the taxonomy and today's date in, a {@link Worklist}
 * out.
 */
final class WorklistChecks {

	/** Lessons and case studies: the documents that need a level and a theme, and that editors can suggest changes to. */
	static final Set<String> EVIDENCE_TYPES = Set.of("lesson", "case-study");
	static final String ENTRY_TYPE = "problem-book-entry";

	/** The vocabularies documents are tagged with, checked for values nobody uses. */
	static final List<Facet> TAGGING = List.of(Facet.LEVEL, Facet.THEME, Facet.ORGANISATION, Facet.SECTOR,
			Facet.OUTCOME, Facet.BARRIER, Facet.SOURCE_TYPE);

	private static final Pattern HREF = Pattern.compile("href=\"(/(?:documents|problem-book)/[^\"#?]*)");
	private static final Pattern ENTRY_PAGE = Pattern.compile("/problem-book/([A-Za-z]+-\\d+)/?");

	private final Taxonomy taxonomy;

	WorklistChecks(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	/** A document to check: its metadata, rendered body and, for a content file, its path under {@code content/}. */
	record Candidate(Document document, String html, String path) {
	}

	/** A problem-book entry and the levels its current mapping counts. */
	record ProblemEntry(String reference, String title, List<String> themes, List<String> mappedLevels) {

		ProblemEntry {
			themes = List.copyOf(themes);
			mappedLevels = List.copyOf(mappedLevels);
		}
	}

	Worklist check(List<ContentProblem> fileProblems, List<Candidate> documents, List<ProblemEntry> entries,
			LocalDate today) {
		List<Candidate> byId = documents.stream().sorted(Comparator.comparing(c -> c.document().id())).toList();
		return new Worklist(fileProblems, brokenLinks(byId, entries), unsourced(byId), reviewDue(byId, today),
				unclassified(byId), duplicateTitles(byId), unusedValues(byId), withoutEvidence(byId, entries));
	}

	static Worklist.Listed listed(Candidate candidate) {
		Document d = candidate.document();
		String edit = EVIDENCE_TYPES.contains(d.type()) ? "/submissions/suggest?document=" + d.id() : "";
		return new Worklist.Listed(d.id(), d.title(), d.type(), "/documents/" + d.id(), edit, candidate.path());
	}

	private static List<Worklist.BrokenLink> brokenLinks(List<Candidate> documents, List<ProblemEntry> entries) {
		Set<String> ids = new HashSet<>();
		documents.forEach(c -> ids.add(c.document().id()));
		Set<String> references = new HashSet<>();
		entries.forEach(e -> references.add(e.reference().toUpperCase(Locale.ROOT)));
		List<Worklist.BrokenLink> broken = new ArrayList<>();
		for (Candidate candidate : documents) {
			Set<String> targets = new LinkedHashSet<>();
			Matcher href = HREF.matcher(candidate.html());
			while (href.find()) {
				targets.add(href.group(1));
			}
			for (String target : targets) {
				if (!resolves(target, ids, references)) {
					broken.add(new Worklist.BrokenLink(listed(candidate), target));
				}
			}
		}
		return broken;
	}

	private static boolean resolves(String target, Set<String> ids, Set<String> references) {
		if (target.startsWith("/documents/")) {
			String id = target.substring("/documents/".length()).replaceFirst("/+$", "");
			return ids.contains(id);
		}
		Matcher entry = ENTRY_PAGE.matcher(target);
		if (entry.matches()) {
			return references.contains(entry.group(1).toUpperCase(Locale.ROOT));
		}
		// Other problem-book pages (the matrix, an entry's mapping form) are routes, not documents.
		return true;
	}

	private static List<Worklist.Listed> unsourced(List<Candidate> documents) {
		return documents.stream()
			.filter(c -> !c.document().illustrative() && c.document().source().isBlank())
			.map(WorklistChecks::listed)
			.toList();
	}

	/** From its review-by day on, as the content guide says, oldest date first. */
	private static List<Worklist.ReviewDue> reviewDue(List<Candidate> documents, LocalDate today) {
		List<Worklist.ReviewDue> due = new ArrayList<>();
		for (Candidate candidate : documents) {
			Document d = candidate.document();
			try {
				if (d.reviewDue(today)) {
					due.add(new Worklist.ReviewDue(listed(candidate), LocalDate.parse(d.reviewBy())));
				}
			}
			catch (DateTimeParseException ex) {
				// The parser stores only valid dates; one that is not is reported as a file problem.
			}
		}
		due.sort(Comparator.comparing(Worklist.ReviewDue::reviewBy).thenComparing(r -> r.document().id()));
		return due;
	}

	private static List<Worklist.Unclassified> unclassified(List<Candidate> documents) {
		List<Worklist.Unclassified> rows = new ArrayList<>();
		for (Candidate candidate : documents) {
			Document d = candidate.document();
			boolean noLevel = EVIDENCE_TYPES.contains(d.type()) && d.levels().isEmpty();
			boolean noTheme = (EVIDENCE_TYPES.contains(d.type()) || d.type().equals(ENTRY_TYPE)) && d.themes().isEmpty();
			if (noLevel || noTheme) {
				rows.add(new Worklist.Unclassified(listed(candidate), noLevel, noTheme));
			}
		}
		return rows;
	}

	/** Case and runs of white space do not make two titles different. */
	static String normalisedTitle(String title) {
		return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static List<Worklist.DuplicateTitle> duplicateTitles(List<Candidate> documents) {
		Map<String, List<Candidate>> byTitle = new LinkedHashMap<>();
		documents.forEach(c -> byTitle.computeIfAbsent(normalisedTitle(c.document().title()), t -> new ArrayList<>())
			.add(c));
		return byTitle.values().stream()
			.filter(same -> same.size() > 1)
			.map(same -> new Worklist.DuplicateTitle(same.get(0).document().title().strip(),
					same.stream().map(WorklistChecks::listed).toList()))
			.sorted(Comparator.comparing(d -> normalisedTitle(d.title())))
			.toList();
	}

	private List<Worklist.UnusedValue> unusedValues(List<Candidate> documents) {
		Map<Facet, Set<String>> used = new LinkedHashMap<>();
		TAGGING.forEach(f -> used.put(f, new HashSet<>()));
		for (Candidate candidate : documents) {
			Document d = candidate.document();
			used.get(Facet.LEVEL).addAll(d.levels());
			used.get(Facet.THEME).addAll(d.themes());
			used.get(Facet.ORGANISATION).addAll(d.organisations());
			used.get(Facet.SECTOR).addAll(d.sectors());
			used.get(Facet.OUTCOME).add(d.outcome());
			used.get(Facet.BARRIER).addAll(d.barriers());
			used.get(Facet.SOURCE_TYPE).add(d.sourceType());
		}
		List<Worklist.UnusedValue> unused = new ArrayList<>();
		for (Facet facet : TAGGING) {
			Vocabulary vocabulary = taxonomy.vocabulary(facet.vocabulary());
			for (Concept concept : vocabulary.concepts()) {
				if (!used.get(facet).contains(concept.id())) {
					unused.add(new Worklist.UnusedValue(vocabulary.id(), vocabulary.label(), concept.id(),
							concept.label(), SearchUrls.filtered(facet, concept.id()),
							"/taxonomy#" + vocabulary.id() + "-" + concept.id(), "taxonomy/" + vocabulary.id() + ".yml"));
				}
			}
		}
		return unused;
	}

	private static List<Worklist.EntryWithoutEvidence> withoutEvidence(List<Candidate> documents,
			List<ProblemEntry> entries) {
		List<Document> evidence = documents.stream().map(Candidate::document)
			.filter(d -> EVIDENCE_TYPES.contains(d.type()))
			.toList();
		return entries.stream()
			.filter(e -> evidence.stream().noneMatch(d -> bearsOn(d, e)))
			.map(e -> new Worklist.EntryWithoutEvidence(e.reference(), e.title(), "/problem-book/" + e.reference(),
					"/problem-book/" + e.reference() + "/mapping", !e.mappedLevels().isEmpty()))
			.toList();
	}

	/** A lesson bears on an entry when it shares one of the entry's themes and one of its mapped levels. */
	private static boolean bearsOn(Document lesson, ProblemEntry entry) {
		return lesson.themes().stream().anyMatch(entry.themes()::contains)
				&& lesson.levels().stream().anyMatch(entry.mappedLevels()::contains);
	}
}
