package uk.interop.kb.content;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.interop.kb.support.RealContent;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample corpus keeps the facets meaningful, the rules of the house, and its own links. */
class ShippedContentTests {

	private static final Pattern DOCUMENT_LINK = Pattern.compile("\\]\\((/documents/[^)#\\s]+)");

	private final ContentSnapshot snapshot = RealContent.load();
	private final Taxonomy taxonomy = new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy"));
	private final List<Document> publicDocs = snapshot.documents().stream().map(SourceDocument::document)
		.filter(Document::isPublic).toList();

	@Test
	void everyLevelThemeSectorAndOutcomeHasAtLeastTwoPublicDocuments() {
		assertCoverage(Taxonomy.LEVELS, Document::levels);
		assertCoverage(Taxonomy.THEMES, Document::themes);
		assertCoverage(Taxonomy.SECTORS, Document::sectors);
		assertCoverage(Taxonomy.OUTCOMES, d -> d.outcome().isEmpty() ? List.of() : List.of(d.outcome()));
	}

	@Test
	void theCorpusHasTheAgreedShape() {
		Map<String, Long> byType = snapshot.documents().stream()
			.collect(Collectors.groupingBy(d -> d.document().type(), Collectors.counting()));
		assertThat(snapshot.documents()).hasSizeGreaterThanOrEqualTo(60);
		assertThat(byType.getOrDefault("lesson", 0L) + byType.getOrDefault("case-study", 0L)).isGreaterThanOrEqualTo(30);
		assertThat(byType.get("problem-book-entry")).isGreaterThanOrEqualTo(15);
		assertThat(byType.get("handbook-chapter")).isEqualTo(5);
		assertThat(snapshot.documents()).filteredOn(d -> !d.document().isPublic()).hasSizeGreaterThanOrEqualTo(4);
	}

	@Test
	void illustrativeDocumentsNameOnlyAnonymisedOrganisationsAndSayWhereFactsComeFrom() {
		for (SourceDocument source : snapshot.documents()) {
			Document d = source.document();
			assertThat(d.source()).as(d.id() + " source").isNotBlank();
			if (d.illustrative() && Set.of("lesson", "case-study").contains(d.type())) {
				assertThat(d.organisations()).as(d.id()).allMatch(o -> o.startsWith("anonymised-"));
			}
		}
	}

	@Test
	void everyRealDocumentCitesADatedPublicSourceWithItsAddressAndNamesOnlyRealOrganisations() {
		for (SourceDocument source : snapshot.documents()) {
			Document d = source.document();
			if (d.illustrative()) {
				continue;
			}
			assertThat(d.source()).as(d.id() + " source address").containsPattern("https?://\\S+");
			assertThat(d.sourceDate()).as(d.id() + " source-date").matches("\\d{4}-\\d{2}-\\d{2}");
			assertThat(d.sourceType()).as(d.id() + " source-type").isNotEmpty();
			assertThat(d.organisations()).as(d.id() + " organisations").noneMatch(o -> o.startsWith("anonymised-"));
		}
	}

	@Test
	void atLeastFortyLessonsAndCaseStudiesComeFromInquiriesAuditsInspectionsReviewsOrGuidance() {
		long fromThePublicRecord = snapshot.documents().stream().map(SourceDocument::document)
			.filter(d -> !d.illustrative() && d.isPublic())
			.filter(d -> Set.of("lesson", "case-study").contains(d.type()))
			.filter(d -> Set.of("inquiry", "audit", "inspection", "review", "guidance").contains(d.sourceType()))
			.count();

		assertThat(fromThePublicRecord).isGreaterThanOrEqualTo(40);
	}

	@Test
	void theShippedTreeValidatesWithoutAProblem() {
		assertThat(snapshot.problems()).isEmpty();
	}

	@Test
	void everyLevelHasItsHandbookChapter() {
		Set<String> ids = snapshot.documents().stream().map(d -> d.document().id()).collect(Collectors.toSet());
		for (Concept level : taxonomy.levels().concepts()) {
			assertThat(ids).as(level.id()).contains(level.text("handbook"));
		}
	}

	@Test
	void publicDocumentsLinkOnlyToPublicDocumentsThatExist() {
		Set<String> publicIds = publicDocs.stream().map(Document::id).collect(Collectors.toSet());
		for (SourceDocument source : snapshot.documents()) {
			if (!source.document().isPublic()) {
				continue;
			}
			Matcher links = DOCUMENT_LINK.matcher(source.markdown());
			while (links.find()) {
				assertThat(publicIds).as(source.document().id() + " links to " + links.group(1))
					.contains(links.group(1).substring("/documents/".length()));
			}
		}
	}

	@Test
	void problemBookEntriesHaveUniqueReferences() {
		List<String> references = snapshot.documents().stream().map(SourceDocument::document)
			.filter(d -> d.type().equals("problem-book-entry")).map(Document::reference).toList();
		assertThat(references).doesNotContain("").doesNotHaveDuplicates();
	}

	private void assertCoverage(String vocabulary, java.util.function.Function<Document, List<String>> values) {
		for (Concept concept : taxonomy.vocabulary(vocabulary).concepts()) {
			long count = publicDocs.stream().filter(d -> values.apply(d).contains(concept.id())).count();
			assertThat(count).as(vocabulary + " " + concept.id()).isGreaterThanOrEqualTo(2);
		}
	}
}
