package uk.interop.kb;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "uk.interop.kb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("uk.interop.kb.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule contentAndTaxonomyDoNotDependOnSearchOrWeb = noClasses().that()
		.resideInAnyPackage("uk.interop.kb.content..", "uk.interop.kb.taxonomy..")
		.should().dependOnClassesThat().resideInAnyPackage("uk.interop.kb.search..", "uk.interop.kb.browse..",
				"uk.interop.kb.api..");

	@ArchTest
	static final ArchRule noFieldInjection = noFields().should()
		.beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class);
}
