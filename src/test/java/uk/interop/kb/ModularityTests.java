package uk.interop.kb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules and their allowed dependencies, as each {@code package-info.java} declares them: a new
 * dependency against the design, a cycle, or a reach into another module's internals fails the build.
 * The module pictures in {@code docs/modules/} are generated from the same model and must match it.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(InteropKbApplication.class);
	private static final Path COMMITTED = Path.of("docs/modules");
	private static final Path GENERATED = Path.of("target/spring-modulith-docs");

	@Test
	void everyModuleKeepsToItsDeclaredDependenciesAndOthersInternals() {
		MODULES.verify();
	}

	@Test
	void theCommittedModuleDocumentationIsWhatTheCodeGenerates() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();

		List<String> generated = names(GENERATED);
		assertThat(names(COMMITTED)).as("docs/modules: copy target/spring-modulith-docs/*.puml there")
			.containsExactlyInAnyOrderElementsOf(generated);
		for (String name : generated) {
			// Compared as sorted lines: the order in which modules are listed is not part of the design.
			assertThat(sortedLines(COMMITTED.resolve(name))).as("docs/modules/" + name + " is stale: copy it from "
					+ GENERATED).isEqualTo(sortedLines(GENERATED.resolve(name)));
		}
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(String::strip).sorted().toList();
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".puml")).sorted().toList();
		}
	}
}
