package uk.interop.kb.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import uk.interop.kb.problembook.Entry;
import uk.interop.kb.problembook.EntryMapping;
import uk.interop.kb.problembook.ProblemBook;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * What to read for an indicator that has a next step: lessons and case studies at its level and on its
 * themes, ranked by the search engine for the indicator's search terms (topped up with the newest at that
 * level and theme when the terms find few), the handbook sections it names, and the problem-book entries
 * mapped to its level on a shared theme. Everything goes through the engine with the reader's
 * {@link Audience}, so nobody is pointed at a document they may not read.
 */
@Service
public class Recommendations {

	static final Set<String> EVIDENCE = Set.of("lesson", "case-study");
	static final int DOCUMENTS = 4;
	static final int PROBLEMS = 3;

	private final DocumentListing listing;
	private final ProblemBook problemBook;
	private final Frameworks frameworks;
	private final Taxonomy taxonomy;

	Recommendations(DocumentListing listing, ProblemBook problemBook, Frameworks frameworks, Taxonomy taxonomy) {
		this.listing = listing;
		this.problemBook = problemBook;
		this.frameworks = frameworks;
		this.taxonomy = taxonomy;
	}

	/** What to read for one indicator. */
	public record Reading(List<IndexedDocument> documents, List<Section> handbook, List<Entry> problems) {
		public Reading {
			documents = List.copyOf(documents);
			handbook = List.copyOf(handbook);
			problems = List.copyOf(problems);
		}

		public boolean isEmpty() {
			return documents.isEmpty() && handbook.isEmpty() && problems.isEmpty();
		}
	}

	/** A handbook chapter, or one section of it. */
	public record Section(String title, String url) {
	}

	/** Reading for every indicator of the profile that has a next step, by indicator id. */
	public Map<String, Reading> forProfile(Profile profile, Audience audience) {
		List<EntryMapping> mappings = problemBook.mappings(audience);
		Optional<Framework> framework = frameworks.find(profile.assessment().frameworkId());
		Map<String, Reading> reading = new LinkedHashMap<>();
		for (Profile.IndicatorScore indicator : profile.indicators()) {
			if (indicator.hasNextStep()) {
				reading.put(indicator.id(), reading(indicator.answer(), framework, mappings, audience));
			}
		}
		return reading;
	}

	/** Reading for an indicator of a framework as it is now, as for an answer with a next step. */
	public Reading forIndicator(Framework framework, Framework.Indicator indicator, Audience audience) {
		Answer answer = AssessmentService.snapshot(framework, indicator, Optional.empty(), "", "", 0,
				java.time.Instant.EPOCH);
		return reading(answer, Optional.of(framework), problemBook.mappings(audience), audience);
	}

	private Reading reading(Answer answer, Optional<Framework> framework, List<EntryMapping> mappings,
			Audience audience) {
		return new Reading(documents(answer, audience), handbook(answer, framework, audience),
				problems(answer, mappings));
	}

	private List<IndexedDocument> documents(Answer answer, Audience audience) {
		Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
		filters.put(Facet.TYPE, EVIDENCE);
		filters.put(Facet.LEVEL, Set.of(answer.level()));
		if (!answer.themes().isEmpty()) {
			filters.put(Facet.THEME, Set.copyOf(answer.themes()));
		}
		Map<String, IndexedDocument> found = new LinkedHashMap<>();
		if (!answer.searchTerms().isBlank()) {
			listing.matches(new SearchRequest(answer.searchTerms(), filters, SearchRequest.Sort.RELEVANCE, 1,
					DOCUMENTS), audience, DOCUMENTS).forEach(d -> found.putIfAbsent(d.id(), d));
		}
		if (found.size() < DOCUMENTS) {
			listing.matches(new SearchRequest("", filters, SearchRequest.Sort.NEWEST, 1, DOCUMENTS * 2), audience,
					DOCUMENTS * 2).forEach(d -> {
						if (found.size() < DOCUMENTS) {
							found.putIfAbsent(d.id(), d);
						}
					});
		}
		return List.copyOf(found.values());
	}

	/** The sections the indicator names, or else its level's chapter; only what the reader may read. */
	private List<Section> handbook(Answer answer, Optional<Framework> framework, Audience audience) {
		List<String> named = framework.flatMap(f -> f.indicator(answer.indicatorId()))
			.map(Framework.Indicator::handbook).orElse(List.of());
		List<Section> sections = new ArrayList<>();
		for (String reference : named) {
			int hash = reference.indexOf('#');
			String id = reference.substring(0, hash);
			String anchor = reference.substring(hash + 1);
			listing.document(id, audience).ifPresent(chapter -> chapter.headings().stream()
				.filter(h -> h.id().equals(anchor)).findFirst()
				.ifPresent(h -> sections.add(new Section(chapter.document().title() + ": " + h.text(),
						chapter.url() + "#" + anchor))));
		}
		if (sections.isEmpty()) {
			taxonomy.level(answer.level()).map(c -> c.text("handbook")).filter(id -> !id.isEmpty())
				.flatMap(id -> listing.document(id, audience))
				.ifPresent(chapter -> sections.add(new Section(chapter.document().title(), chapter.url())));
		}
		return sections;
	}

	/** Entries mapped (proposed or agreed) to the indicator's level that share one of its themes, most shared first. */
	private static List<Entry> problems(Answer answer, List<EntryMapping> mappings) {
		Set<String> themes = new LinkedHashSet<>(answer.themes());
		return mappings.stream()
			.filter(m -> m.mappedLevels().contains(answer.level()))
			.filter(m -> m.entry().themes().stream().anyMatch(themes::contains))
			.sorted(Comparator.comparingLong((EntryMapping m) -> -m.entry().themes().stream().filter(themes::contains)
				.count()).thenComparingInt(m -> m.entry().number()))
			.limit(PROBLEMS)
			.map(EntryMapping::entry)
			.toList();
	}
}
