package uk.interop.kb.editorial;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import uk.interop.kb.content.ContentFile;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.problembook.ProblemBook;
import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Builds the worklist from every document of every origin: the content files as they are on disk now (so a fix
 * shows as soon as the file is saved), and everything else the index holds (published contributions and
 * problem-book entries created in the app), members-only documents included: only editors see the list.
 */
@Service
class EditorsWorklist {

	private final ContentLoader loader;
	private final DocumentListing listing;
	private final ProblemBook problemBook;
	private final WorklistChecks checks;
	private final Clock clock;

	EditorsWorklist(ContentLoader loader, DocumentListing listing, ProblemBook problemBook, Taxonomy taxonomy,
			Clock clock) {
		this.loader = loader;
		this.listing = listing;
		this.problemBook = problemBook;
		this.checks = new WorklistChecks(taxonomy);
		this.clock = clock;
	}

	Worklist worklist() {
		List<ContentProblem> problems = new ArrayList<>();
		Map<String, String> pathById = new HashMap<>();
		Map<String, WorklistChecks.Candidate> documents = new LinkedHashMap<>();
		List<WorklistChecks.Candidate> files = new ArrayList<>();
		for (ContentFile file : loader.scan(problems)) {
			pathById.put(file.id(), file.path());
			loader.parse(file, problems).ifPresent(source -> files.add(
					new WorklistChecks.Candidate(source.document(), source.rendered().html(), file.path())));
		}
		SearchRequest everything = new SearchRequest("", Map.of(), SearchRequest.Sort.NEWEST, 1,
				SearchRequest.DEFAULT_SIZE);
		for (IndexedDocument indexed : listing.matches(everything, Audience.MEMBERS, SearchRequest.MAX_DEPTH)) {
			documents.put(indexed.id(), new WorklistChecks.Candidate(indexed.document(), indexed.html(),
					pathById.getOrDefault(indexed.id(), "")));
		}
		files.forEach(file -> documents.put(file.document().id(), file));
		List<WorklistChecks.ProblemEntry> entries = problemBook.mappings(Audience.MEMBERS).stream()
			.map(m -> new WorklistChecks.ProblemEntry(m.reference(), m.entry().title(), m.entry().themes(),
					m.mappedLevels()))
			.toList();
		return checks.check(problems, List.copyOf(documents.values()), entries, LocalDate.now(clock));
	}
}
