package uk.interop.kb.editorial;

import java.time.LocalDate;
import java.util.List;

import uk.interop.kb.content.ContentProblem;

/**
 * Everything on the editors' worklist, one list per check, each row carrying the links to where it is put right.
 * Lists are in the order an editor works through them.
 */
public record Worklist(List<ContentProblem> fileProblems, List<BrokenLink> brokenLinks, List<Listed> unsourced,
		List<ReviewDue> reviewDue, List<Unclassified> unclassified, List<DuplicateTitle> duplicateTitles,
		List<UnusedValue> unusedValues, List<EntryWithoutEvidence> entriesWithoutEvidence) {

	public Worklist {
		fileProblems = List.copyOf(fileProblems);
		brokenLinks = List.copyOf(brokenLinks);
		unsourced = List.copyOf(unsourced);
		reviewDue = List.copyOf(reviewDue);
		unclassified = List.copyOf(unclassified);
		duplicateTitles = List.copyOf(duplicateTitles);
		unusedValues = List.copyOf(unusedValues);
		entriesWithoutEvidence = List.copyOf(entriesWithoutEvidence);
	}

	/** Nothing to do anywhere. */
	public boolean empty() {
		return fileProblems.isEmpty() && brokenLinks.isEmpty() && unsourced.isEmpty() && reviewDue.isEmpty()
				&& unclassified.isEmpty() && duplicateTitles.isEmpty() && unusedValues.isEmpty()
				&& entriesWithoutEvidence.isEmpty();
	}

	/** One line of the summary at the top: a check, how many rows it found, and the id of its section. */
	public record Check(String anchor, String label, int count) {
	}

	public List<Check> summary() {
		return List.of(new Check("file-problems", "Problems in content files", fileProblems.size()),
				new Check("broken-links", "Broken internal links", brokenLinks.size()),
				new Check("unsourced", "Real documents without a source", unsourced.size()),
				new Check("review-due", "Due for review", reviewDue.size()),
				new Check("unclassified", "No level or no theme", unclassified.size()),
				new Check("duplicate-titles", "Duplicate titles", duplicateTitles.size()),
				new Check("unused-values", "Taxonomy values no document uses", unusedValues.size()),
				new Check("without-evidence", "Problem-book entries without evidence", entriesWithoutEvidence.size()));
	}

	/**
	 * A document as a worklist row shows it: where to read it ({@code url}), where to change it ({@code editUrl},
	 * the suggest-a-change form for lessons and case studies, empty otherwise) and, for a content file, its path.
	 */
	public record Listed(String id, String title, String type, String url, String editUrl, String path) {

		public boolean fromFile() {
			return !path.isEmpty();
		}
	}

	/** A link in {@code document}'s body to {@code target}, which is no document or entry. */
	public record BrokenLink(Listed document, String target) {
	}

	public record ReviewDue(Listed document, LocalDate reviewBy) {
	}

	/** A lesson or case study lacking a level, a theme or both. */
	public record Unclassified(Listed document, boolean noLevel, boolean noTheme) {
	}

	/** Documents whose titles are the same once case and spacing are ignored. */
	public record DuplicateTitle(String title, List<Listed> documents) {

		public DuplicateTitle {
			documents = List.copyOf(documents);
		}
	}

	/**
	 * A taxonomy value no document uses: {@code searchUrl} is the search filtered by it, {@code taxonomyUrl} its
	 * entry on the taxonomy page and {@code path} the vocabulary file that defines it.
	 */
	public record UnusedValue(String vocabulary, String vocabularyLabel, String id, String label, String searchUrl,
			String taxonomyUrl, String path) {
	}

	/**
	 * A problem-book entry no lesson or case study bears on: none shares one of its themes and one of its mapped
	 * levels (an entry mapped to no level has none).
	 */
	public record EntryWithoutEvidence(String reference, String title, String url, String mappingUrl,
			boolean mapped) {
	}
}
