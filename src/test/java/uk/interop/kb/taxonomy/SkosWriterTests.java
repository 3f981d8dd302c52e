package uk.interop.kb.taxonomy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SkosWriterTests {

	private static final String BASE = "https://kb.test/taxonomy/";
	// Say "code" not C:\codes<newline>never.
	private static final String AWKWARD = "Say \"code\" not C:\\codes\nnever.";

	private final SkosWriter writer = new SkosWriter(URI.create(BASE));
	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void turtleStartsWithThePrefixesItUses() {
		assertThat(writer.turtle(small())).startsWith("""
				@prefix dct: <http://purl.org/dc/terms/> .
				@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				""");
	}

	@Test
	void turtleWritesASchemeWithTitleDescriptionAndOnlyItsTopConcepts() {
		assertThat(writer.turtle(small())).contains("""

				<https://kb.test/taxonomy/levels> a skos:ConceptScheme ;
				    dct:title "Levels"@en ;
				    dct:description "The \\"levels\\" of the handbook."@en ;
				    skos:hasTopConcept <https://kb.test/taxonomy/levels/semantic> .
				""");
	}

	@Test
	void turtleWritesATopConceptWithLabelsDefinitionAndTopConceptOf() {
		assertThat(writer.turtle(small())).contains("""

				<https://kb.test/taxonomy/levels/semantic> a skos:Concept ;
				    skos:prefLabel "Semantic"@en ;
				    skos:altLabel "semantic interoperability"@en, "SI"@en ;
				    skos:definition "Shared meaning."@en ;
				    skos:scopeNote "Vocabularies and code lists."@en ;
				    skos:inScheme <https://kb.test/taxonomy/levels> ;
				    skos:topConceptOf <https://kb.test/taxonomy/levels> .
				""");
	}

	@Test
	void turtleWritesANarrowerConceptWithBroaderAndEscapesItsScopeNote() {
		assertThat(writer.turtle(small())).contains("""

				<https://kb.test/taxonomy/levels/code-lists> a skos:Concept ;
				    skos:prefLabel "Code lists"@en ;
				    skos:definition "Lists of agreed codes."@en ;
				    skos:scopeNote "Say \\"code\\" not C:\\\\codes\\nnever."@en ;
				    skos:inScheme <https://kb.test/taxonomy/levels> ;
				    skos:broader <https://kb.test/taxonomy/levels/semantic> .
				""");
	}

	@Test
	void turtleMarksOnlyAProposalSchemeWithAnEditorialNote() {
		String turtle = writer.turtle(small());
		assertThat(turtle).contains("""

				<https://kb.test/taxonomy/themes> a skos:ConceptScheme ;
				    dct:title "Themes"@en ;
				    dct:description "Drafted for Interop KB."@en ;
				    skos:editorialNote "Proposal: this list was drafted for Interop KB and the forum can edit, merge or replace it."@en ;
				    skos:hasTopConcept <https://kb.test/taxonomy/themes/data-quality> .
				""");
		assertThat(turtle.split("skos:editorialNote", -1)).hasSize(2);
	}

	@Test
	void turtleLeavesOutEmptyTextAndRelatesAnOrganisationToItsSector() {
		assertThat(writer.turtle(small())).contains("""

				<https://kb.test/taxonomy/organisations/pds> a skos:Concept ;
				    skos:prefLabel "Police Digital Service"@en ;
				    skos:altLabel "PDS"@en ;
				    skos:inScheme <https://kb.test/taxonomy/organisations> ;
				    skos:topConceptOf <https://kb.test/taxonomy/organisations> ;
				    skos:related <https://kb.test/taxonomy/sectors/police> .
				""");
	}

	@Test
	void turtleRelatesNoSectorThatIsNotInTheSectorsScheme() {
		Vocabulary organisations = new Vocabulary("organisations", "Organisations", "", false,
				List.of(new Concept("acme", "Acme", List.of(), "", "", "", Map.of("sector", "retail"))));
		Taxonomy taxonomy = new Taxonomy(Map.of("organisations", organisations, "sectors", sectors()), "", "t");
		assertThat(writer.turtle(taxonomy)).doesNotContain("skos:related").doesNotContain("retail");
	}

	@Test
	void turtleWritesSchemesInPageOrderEachFollowedByItsConcepts() {
		List<String> subjects = writer.turtle(small()).lines().filter(line -> line.startsWith("<"))
			.map(line -> line.substring(0, line.indexOf('>') + 1)).toList();
		assertThat(subjects).containsExactly("<" + BASE + "levels>", "<" + BASE + "levels/semantic>",
				"<" + BASE + "levels/code-lists>", "<" + BASE + "themes>", "<" + BASE + "themes/data-quality>",
				"<" + BASE + "organisations>", "<" + BASE + "organisations/pds>", "<" + BASE + "sectors>",
				"<" + BASE + "sectors/police>");
	}

	@Test
	void quoteEscapesWhatTurtleForbidsAndKeepsOtherCharacters() {
		assertThat(TurtleFormat.quote("a\"b\\c\nd\re\tf\bg\fh")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\"");
		assertThat(TurtleFormat.quote("bell\u0007 nul\u0000 del\u007f")).isEqualTo("\"bell\\u0007 nul\\u0000 del\\u007F\"");
		assertThat(TurtleFormat.quote("it's café – 😀")).isEqualTo("\"it's café – 😀\"");
		assertThat(TurtleFormat.quote("lone \uD800 surrogate")).isEqualTo("\"lone \uFFFD surrogate\"");
		assertThat(TurtleFormat.quote("")).isEqualTo("\"\"");
	}

	@Test
	void urisAreTheBaseThenTheSchemeIdThenTheConceptId() {
		assertThat(writer.schemeUri("levels")).isEqualTo(URI.create("https://kb.test/taxonomy/levels"));
		assertThat(writer.conceptUri("levels", "semantic"))
			.isEqualTo(URI.create("https://kb.test/taxonomy/levels/semantic"));
	}

	@Test
	void anIdThatCouldBreakAUriIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> writer.conceptUri("levels", "a> <b"));
		assertThatIllegalArgumentException().isThrownBy(() -> writer.schemeUri("Levels"));
	}

	@Test
	void aBaseThatIsNotAnAbsoluteFolderIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SkosWriter(URI.create("https://kb.test/taxonomy")));
		assertThatIllegalArgumentException().isThrownBy(() -> new SkosWriter(URI.create("/taxonomy/")));
	}

	@Test
	void jsonLdContextDefinesPrefixesAndTypesEveryTerm() {
		JsonNode context = json.readTree(writer.jsonLd(small())).get("@context");
		assertThat(context.get("skos").stringValue()).isEqualTo(SkosWriter.SKOS);
		assertThat(context.get("dct").stringValue()).isEqualTo(SkosWriter.DCT);
		assertThat(context.get("rdfs").stringValue()).isEqualTo(SkosWriter.RDFS);
		assertThat(context.get("prefLabel").get("@id").stringValue()).isEqualTo("skos:prefLabel");
		assertThat(context.get("prefLabel").get("@language").stringValue()).isEqualTo("en");
		assertThat(context.get("altLabel").get("@container").stringValue()).isEqualTo("@set");
		assertThat(context.get("scopeNote").get("@language").stringValue()).isEqualTo("en");
		assertThat(context.get("title").get("@id").stringValue()).isEqualTo("dct:title");
		assertThat(context.get("broader").get("@type").stringValue()).isEqualTo("@id");
		assertThat(context.get("broader").has("@language")).isFalse();
		assertThat(context.get("inScheme").get("@type").stringValue()).isEqualTo("@id");
	}

	@Test
	void jsonLdGraphHoldsEverySchemeAndConceptWithIdTypeAndLabels() {
		JsonNode graph = json.readTree(writer.jsonLd(small())).get("@graph");
		assertThat(graph.size()).isEqualTo(9);

		JsonNode levels = byId(graph, BASE + "levels");
		assertThat(levels.get("@type").stringValue()).isEqualTo("skos:ConceptScheme");
		assertThat(levels.get("title").stringValue()).isEqualTo("Levels");
		assertThat(strings(levels.get("hasTopConcept"))).containsExactly(BASE + "levels/semantic");
		assertThat(levels.has("editorialNote")).isFalse();

		JsonNode semantic = byId(graph, BASE + "levels/semantic");
		assertThat(semantic.get("@type").stringValue()).isEqualTo("skos:Concept");
		assertThat(semantic.get("prefLabel").stringValue()).isEqualTo("Semantic");
		assertThat(strings(semantic.get("altLabel"))).containsExactly("semantic interoperability", "SI");
		assertThat(semantic.get("inScheme").stringValue()).isEqualTo(BASE + "levels");
		assertThat(semantic.get("topConceptOf").stringValue()).isEqualTo(BASE + "levels");
		assertThat(semantic.has("broader")).isFalse();

		JsonNode codeLists = byId(graph, BASE + "levels/code-lists");
		assertThat(codeLists.get("broader").stringValue()).isEqualTo(BASE + "levels/semantic");
		assertThat(codeLists.get("scopeNote").stringValue()).isEqualTo(AWKWARD);
		assertThat(codeLists.has("topConceptOf")).isFalse();
		assertThat(codeLists.has("altLabel")).isFalse();

		assertThat(byId(graph, BASE + "themes").get("editorialNote").stringValue()).startsWith("Proposal: ");
		assertThat(strings(byId(graph, BASE + "organisations/pds").get("related")))
			.containsExactly(BASE + "sectors/police");
	}

	@Test
	void everyConceptOfTheRealTaxonomyIsInTheTurtleWithItsLabels() {
		Taxonomy taxonomy = new TaxonomyLoader().load(Path.of("content/taxonomy"));
		SkosWriter published = new SkosWriter(URI.create(TaxonomyProperties.DEFAULT_BASE_URI));
		String turtle = published.turtle(taxonomy);
		int concepts = 0;
		for (Vocabulary vocabulary : taxonomy.inOrder()) {
			assertThat(turtle).contains("\n<" + published.schemeUri(vocabulary.id()) + "> a skos:ConceptScheme ;\n");
			for (Concept concept : vocabulary.concepts()) {
				concepts++;
				String block = block(turtle, "<" + published.conceptUri(vocabulary.id(), concept.id()) + "> a skos:Concept ;");
				assertThat(block).contains("skos:prefLabel " + TurtleFormat.text(concept.label()) + " ;");
				concept.altLabels().forEach(alt -> assertThat(block).contains(TurtleFormat.text(alt)));
			}
		}
		assertThat(concepts).isGreaterThan(50);
		assertThat(turtle.split(" a skos:Concept ;", -1)).hasSize(concepts + 1);
	}

	@Test
	void everyConceptOfTheRealTaxonomyIsInTheJsonLdWithItsLabels() {
		Taxonomy taxonomy = new TaxonomyLoader().load(Path.of("content/taxonomy"));
		SkosWriter published = new SkosWriter(URI.create(TaxonomyProperties.DEFAULT_BASE_URI));
		JsonNode graph = json.readTree(published.jsonLd(taxonomy)).get("@graph");
		int nodes = 0;
		for (Vocabulary vocabulary : taxonomy.inOrder()) {
			nodes++;
			assertThat(byId(graph, published.schemeUri(vocabulary.id()).toString()).get("title").stringValue())
				.isEqualTo(vocabulary.label());
			for (Concept concept : vocabulary.concepts()) {
				nodes++;
				JsonNode node = byId(graph, published.conceptUri(vocabulary.id(), concept.id()).toString());
				assertThat(node.get("prefLabel").stringValue()).isEqualTo(concept.label());
				assertThat(strings(node.path("altLabel"))).containsExactlyElementsOf(concept.altLabels());
			}
		}
		assertThat(graph.size()).isEqualTo(nodes);
	}

	private static String block(String turtle, String subjectLine) {
		int start = turtle.indexOf("\n" + subjectLine + "\n");
		assertThat(start).as(subjectLine).isNotNegative();
		return turtle.substring(start, turtle.indexOf(" .\n", start) + 3);
	}

	private static JsonNode byId(JsonNode graph, String id) {
		return StreamSupport.stream(graph.spliterator(), false)
			.filter(node -> id.equals(node.get("@id").stringValue()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no node " + id));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.stringValue()));
		return values;
	}

	private static Taxonomy small() {
		Vocabulary levels = new Vocabulary("levels", "Levels", "The \"levels\" of the handbook.", false, List.of(
				new Concept("semantic", "Semantic", List.of("semantic interoperability", "SI"), "Shared meaning.",
						"Vocabularies and code lists.", "", Map.of()),
				new Concept("code-lists", "Code lists", List.of(), "Lists of agreed codes.", AWKWARD, "semantic",
						Map.of())));
		Vocabulary themes = new Vocabulary("themes", "Themes", "Drafted for Interop KB.", true,
				List.of(new Concept("data-quality", "Data quality", List.of(), "", "", "", Map.of())));
		Vocabulary organisations = new Vocabulary("organisations", "Organisations", "", false, List.of(
				new Concept("pds", "Police Digital Service", List.of("PDS"), "", "", "", Map.of("sector", "police"))));
		return new Taxonomy(Map.of("levels", levels, "themes", themes, "organisations", organisations, "sectors",
				sectors()), "", "test");
	}

	private static Vocabulary sectors() {
		return new Vocabulary("sectors", "Sectors", "", false,
				List.of(new Concept("police", "Police", List.of(), "Police forces.", "", "", Map.of())));
	}
}
