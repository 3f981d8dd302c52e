package uk.interop.kb.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.InteropKbApplication;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.support.TestFrameworks;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();
	private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

	private String printed() {
		return output.toString(StandardCharsets.UTF_8);
	}

	@Test
	void validateExitsZeroOnACleanTree() {
		TestContent content = new TestContent(dir);
		content.write("lessons/good.md", TestContent.lesson("Good", "Body"));

		assertThat(Commands.validate(dir, out)).isZero();
		assertThat(printed()).contains("1 documents, 0 problems");
	}

	@Test
	void validatePrintsPathLineFieldMessageAndExitsOne() {
		TestContent content = new TestContent(dir);
		content.write("lessons/bad.md", "---\ntitle: Bad\ntype: lesson\nsummary: s\nlevels: [semntic]\npublished: 2026-01-01\n---\n");
		content.write("lessons/worse.md", "---\ntitle: [unclosed\n---\n");

		assertThat(Commands.validate(dir, out)).isEqualTo(1);
		assertThat(printed()).contains(dir.resolve("lessons/bad.md") + ":5: levels: unknown value 'semntic'")
			.contains(dir.resolve("lessons/worse.md") + ":")
			.contains("(file not indexed)");
	}

	@Test
	void validateChecksAssessmentFrameworksWithPathAndLine() {
		TestContent content = new TestContent(dir);
		content.write("lessons/good.md", TestContent.lesson("Good", "Body"));
		content.write("assessments/broken.yml", TestFrameworks.framework("id: test",
				"id: broken", "steps: [a, b, c, d, e]", "steps: [a, b]"));

		assertThat(Commands.validate(dir, out)).isEqualTo(1);
		assertThat(printed()).contains(dir.resolve("assessments/broken.yml") + ":")
			.containsPattern("broken\\.yml:\\d+: indicator organisational-one\\.steps: must describe exactly 5 steps")
			.contains("0 assessment frameworks");
	}

	@Test
	void warningsAlonePassValidation() {
		TestContent content = new TestContent(dir);
		content.write("lessons/no-front-matter.md", "# Only a heading\n\nAnd text.\n");

		assertThat(Commands.validate(dir, out)).isZero();
		assertThat(printed()).contains("(warning)");
	}

	@Test
	void aBrokenTaxonomyIsReportedNotThrown() throws Exception {
		new TestContent(dir);
		java.nio.file.Files.writeString(dir.resolve("taxonomy/levels.yml"), "id: levels\nconcepts: [ {id: Bad Id, label: x} ]\n");

		assertThat(Commands.validate(dir, out)).isEqualTo(1);
		assertThat(printed()).contains("levels.yml").contains("Bad Id");
	}

	@Test
	void helpAndUnknownWordsPrintTheCommandsAndExitTwoWithoutStartingTheApp() {
		for (String word : new String[] { "help", "--help", "-h", "frobnicate", "valdiate" }) {
			output.reset();

			assertThat(Commands.dispatch(InteropKbApplication.class, new String[] { word, "--kb.data-dir=" + dir },
					out)).as(word).hasValue(2);
			assertThat(printed()).as(word).contains("usage: java -jar interop-kb.jar")
				.contains("validate [DIR]").contains("reindex").contains("backup DIR").contains("restore DIR");
		}
		assertThat(printed()).contains("Unknown command: valdiate");
		assertThat(dir).isEmptyDirectory();
	}

	@Test
	void noWordsOrOnlySettingsRunTheWebApp() {
		assertThat(Commands.dispatch(InteropKbApplication.class, new String[0], out)).isEmpty();
		assertThat(Commands.dispatch(InteropKbApplication.class, new String[] { "--kb.base-url=https://kb.example.org" },
				out)).isEmpty();
		assertThat(printed()).isEmpty();
	}

	@Test
	void validateAFolderWithoutTaxonomyUsesTheConfiguredOneAndChecksEachFile() throws Exception {
		java.nio.file.Files.createDirectories(dir.resolve("drafts"));
		java.nio.file.Files.writeString(dir.resolve("drafts/good.md"), TestContent.lesson("Good", "Body"));
		java.nio.file.Files.writeString(dir.resolve("drafts/bad.md"),
				"---\ntitle: Bad\ntype: lesson\nsummary: s\nlevels: [semntic]\npublished: 2026-01-01\n---\n");

		int exit = Commands.validate(new String[] { dir.resolve("drafts").toString(),
				"--kb.content-dir=" + TestContent.REAL_CONTENT }, out);

		assertThat(exit).isEqualTo(1);
		assertThat(printed()).contains("has no taxonomy/ folder: checking against " + TestContent.REAL_CONTENT.resolve("taxonomy").toAbsolutePath())
			.contains(dir.resolve("drafts/bad.md") + ":5: levels: unknown value 'semntic'")
			.doesNotContain("good.md")
			.contains("2 documents, 2 problems (1 failing)");
	}

	@Test
	void validateWithoutADirectoryChecksTheConfiguredContent() {
		assertThat(Commands.validate(new String[] { "--kb.content-dir=" + TestContent.REAL_CONTENT }, out)).isZero();
		assertThat(printed()).containsPattern("\\d+ documents, 0 problems");
	}

	@Test
	void theShippedContentTreeValidatesWithoutAnyProblem() {
		assertThat(Commands.validate(TestContent.REAL_CONTENT, out)).isZero();
		assertThat(printed()).contains("2 assessment frameworks").containsPattern("\\d+ documents, 0 problems");
	}

	@Test
	void reindexRebuildsTheIndexWithAProgressBarAndRefusesWhileTheIndexIsHeld() {
		String[] args = { "--kb.index-dir=" + dir.resolve("index"), "--kb.data-dir=" + dir.resolve("data"),
				uk.interop.kb.support.AppProcess.SHARED_EMBEDDINGS };

		assertThat(Commands.reindex(InteropKbApplication.class, args, out)).isZero();
		long documents = uk.interop.kb.support.RealContent.documents().size();
		assertThat(printed()).contains("] " + documents + "/" + documents + " files")
			.contains("Indexed " + documents + " documents");

		try (var held = new uk.interop.kb.search.index.SearchIndex(dir.resolve("index").resolve("lucene"),
				new uk.interop.kb.taxonomy.Taxonomy(java.util.Map.of(), "", ""))) {
			assertThat(Commands.reindex(InteropKbApplication.class, args, out)).isEqualTo(1);
			assertThat(printed()).contains("reindex failed: The index in").contains("in use by another Interop KB process");
		}
	}

	@Test
	void backupAndRestoreRefusePostgresqlAndFoldersThatAreNotBackups() {
		String postgres = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/kb";

		assertThat(Commands.backup(new String[] { dir.resolve("b").toString(), postgres }, out)).isEqualTo(1);
		assertThat(Commands.restore(new String[] { dir.toString(), "--kb.index-dir=" + dir.resolve("index"),
				"--kb.data-dir=" + dir.resolve("data") }, out)).isEqualTo(1);
		assertThat(Commands.backup(new String[0], out)).isEqualTo(2);

		assertThat(printed()).contains("backup failed: The database is PostgreSQL: back it up with pg_dump")
			.contains("restore failed: " + dir + " is not an Interop KB backup: it has no database.zip")
			.contains("usage: backup DIR");
		assertThat(dir.resolve("b")).doesNotExist();
	}
}
