package uk.interop.kb.problembook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.FacetedSearch;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.RelatedDocuments;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.web.SearchUrls;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * The read side of the workspace. Entries are found through the search index with the reader's
 * {@link Audience}, so a members-only entry is invisible to others in every view built from here:
 * lists, matrix, exports, API and suggestions.
 */
@Service
public class ProblemBook {

	/** The document types that count as evidence: lessons and case studies. */
	public static final Set<String> EVIDENCE_TYPES = Set.of("lesson", "case-study");
	private static final int RELATED = 5;

	private final FacetedSearch search;
	private final DocumentListing listing;
	private final RelatedDocuments related;
	private final Taxonomy taxonomy;
	private final EntryRepository stored;
	private final MappingRepository ledger;

	ProblemBook(FacetedSearch search, DocumentListing listing, RelatedDocuments related, Taxonomy taxonomy, EntryRepository stored, MappingRepository ledger) {
		this.search = search;
		this.listing = listing;
		this.related = related;
		this.taxonomy = taxonomy;
		this.stored = stored;
		this.ledger = ledger;
	}

	/** Every entry the audience may read, by reference. */
	public List<Entry> entries(Audience audience) {
		Map<String, String> appEntries = new HashMap<>();
		stored.all().forEach(e -> appEntries.put(e.reference(), e.documentId()));
		Map<String, Entry> byReference = new LinkedHashMap<>();
		for (IndexedDocument doc : entryDocuments(audience)) {
			String reference = doc.document().reference();
			if (References.number(reference) == 0) {
				continue;
			}
			boolean fromApp = doc.id().equals(appEntries.get(reference));
			Entry entry = new Entry(reference, doc.id(), doc.document().title(), doc.document().summary(),
					doc.document().themes(), doc.document().status(), doc.document().visibility(),
					fromApp ? SourceDocument.Origin.DATABASE : SourceDocument.Origin.FILE,
					fromApp ? List.of() : doc.document().levels(), doc.document().published(), doc.html());
			// Two files claiming one reference: the one with the smaller id wins, every time.
			byReference.merge(reference, entry, (a, b) -> a.documentId().compareTo(b.documentId()) <= 0 ? a : b);
		}
		return byReference.values().stream().sorted(Comparator.comparingInt(Entry::number)).toList();
	}

	public Optional<Entry> entry(String reference, Audience audience) {
		String canonical = References.normalise(reference);
		return entries(audience).stream().filter(e -> e.reference().equals(canonical)).findFirst();
	}

	/** The current mapping of every entry the audience may read. */
	public List<EntryMapping> mappings(Audience audience) {
		Map<String, List<MappingRecord>> latest = ledger.latestByEntry();
		return entries(audience).stream()
			.map(e -> EntryMapping.of(e, latest.getOrDefault(e.reference(), List.of()), levelOrder()))
			.toList();
	}

	/** One entry's current mapping and full history, if the audience may read it. */
	public Optional<EntryMapping> mapping(String reference, Audience audience) {
		return entry(reference, audience).map(e -> EntryMapping.of(e, ledger.history(e.reference()), levelOrder()));
	}

	public Matrix matrix(Audience audience) {
		List<Concept> levels = taxonomy.levels().concepts();
		Map<String, Map<String, Integer>> entries = new HashMap<>();
		for (EntryMapping mapping : mappings(audience)) {
			for (String theme : mapping.entry().themes()) {
				for (String level : mapping.mappedLevels()) {
					entries.computeIfAbsent(theme, t -> new HashMap<>()).merge(level, 1, Integer::sum);
				}
			}
		}
		Map<String, Map<String, Long>> lessons = new HashMap<>();
		for (Concept level : levels) {
			SearchRequest request = new SearchRequest("", Map.of(Facet.TYPE, EVIDENCE_TYPES, Facet.LEVEL,
					Set.of(level.id())), SearchRequest.Sort.RELEVANCE, 1, 1);
			search.search(request, audience).facet(Facet.THEME).ifPresent(theme -> theme.values()
				.forEach(v -> lessons.computeIfAbsent(v.id(), t -> new HashMap<>()).put(level.id(), v.count())));
		}
		List<Matrix.Row> rows = new ArrayList<>();
		for (Concept theme : taxonomy.themes().concepts()) {
			List<Matrix.Cell> cells = new ArrayList<>();
			for (Concept level : levels) {
				cells.add(new Matrix.Cell(theme.id(), level.id(),
						entries.getOrDefault(theme.id(), Map.of()).getOrDefault(level.id(), 0),
						lessons.getOrDefault(theme.id(), Map.of()).getOrDefault(level.id(), 0L),
						searchUrl(theme.id(), level.id()), entriesUrl(theme.id(), level.id())));
			}
			rows.add(new Matrix.Row(theme, cells));
		}
		return new Matrix(levels, rows);
	}

	/** The problem-book page listing just the entries mapped to this theme and level. */
	public static String entriesUrl(String theme, String level) {
		return "/problem-book?theme=" + theme + "&level=" + level + "#entries";
	}

	/** Entries with this theme whose current mapping counts this level, as the matrix counts them. */
	public List<EntryMapping> mappings(Audience audience, String theme, String level) {
		return mappings(audience).stream().filter(m -> m.entry().themes().contains(theme))
			.filter(m -> m.mappedLevels().contains(level)).toList();
	}

	/** {@code /search} for lessons and case studies with this theme and this level ticked. */
	public static String searchUrl(String theme, String level) {
		EnumMap<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
		filters.put(Facet.TYPE, EVIDENCE_TYPES);
		filters.put(Facet.THEME, Set.of(theme));
		filters.put(Facet.LEVEL, Set.of(level));
		return SearchUrls.of(new SearchRequest("", filters, SearchRequest.Sort.RELEVANCE, 1,
				SearchRequest.DEFAULT_SIZE));
	}

	/** Lessons and case studies for an entry page: same theme and mapped level first, then the most similar. */
	public RelatedLessons relatedLessons(EntryMapping mapping, Audience audience) {
		Set<String> seen = new LinkedHashSet<>();
		List<IndexedDocument> sameThemeAndLevel = new ArrayList<>();
		Entry entry = mapping.entry();
		if (!entry.themes().isEmpty() && mapping.isMapped()) {
			Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
			filters.put(Facet.TYPE, EVIDENCE_TYPES);
			filters.put(Facet.THEME, Set.copyOf(entry.themes()));
			filters.put(Facet.LEVEL, Set.copyOf(mapping.mappedLevels()));
			listing.matches(new SearchRequest("", filters, SearchRequest.Sort.NEWEST, 1, RELATED), audience, RELATED)
				.forEach(document -> {
					sameThemeAndLevel.add(document);
					seen.add(document.id());
				});
		}
		List<IndexedDocument> similar = related.related(entry.documentId(), audience, 40).stream()
			.filter(d -> EVIDENCE_TYPES.contains(d.document().type()))
			.filter(d -> !seen.contains(d.id()))
			.limit(RELATED)
			.toList();
		return new RelatedLessons(sameThemeAndLevel, similar);
	}

	public record RelatedLessons(List<IndexedDocument> sameThemeAndLevel, List<IndexedDocument> similar) {
		public RelatedLessons {
			sameThemeAndLevel = List.copyOf(sameThemeAndLevel);
			similar = List.copyOf(similar);
		}
	}

	/** The handbook chapter of a level, if the audience may read it. */
	public Optional<IndexedDocument> handbookChapter(String level, Audience audience) {
		return taxonomy.level(level).map(c -> c.text("handbook")).filter(id -> !id.isEmpty())
			.flatMap(id -> listing.document(id, audience));
	}

	/** The highest reference number in use anywhere, members-only entries included: for numbering only. */
	int highestNumberInUse() {
		int inIndex = entries(Audience.MEMBERS).stream().mapToInt(Entry::number).max().orElse(0);
		return Math.max(inIndex, stored.highestNumber());
	}

	List<String> levelOrder() {
		return taxonomy.levels().concepts().stream().map(Concept::id).toList();
	}

	private List<IndexedDocument> entryDocuments(Audience audience) {
		SearchRequest entries = new SearchRequest("", Map.of(Facet.TYPE, Set.of(EntryDocuments.TYPE)),
				SearchRequest.Sort.NEWEST, 1, SearchRequest.DEFAULT_SIZE);
		return listing.matches(entries, audience, SearchRequest.MAX_DEPTH);
	}
}
