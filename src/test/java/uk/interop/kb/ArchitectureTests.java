package uk.interop.kb;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/** Rules Spring Modulith does not state ({@link ModularityTests} checks the modules and their dependencies). */
@AnalyzeClasses(packages = "uk.interop.kb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** The engine is a library with Spring beans, not a web app: its pages live in {@code search.web}. */
	@ArchTest
	static final ArchRule theSearchEngineHasNoHttp = noClasses().that()
		.resideInAnyPackage("uk.interop.kb.search", "uk.interop.kb.search.index")
		.should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
				"jakarta.servlet..", "org.springframework.boot.web..", "org.springframework.ui..");

	@ArchTest
	static final ArchRule noFieldInjection = noFields().should()
		.beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class);
}
