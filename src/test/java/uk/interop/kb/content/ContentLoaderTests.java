package uk.interop.kb.content;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.content.ContentProblem.Severity;
import uk.interop.kb.support.TestContent;

import static org.assertj.core.api.Assertions.assertThat;

class ContentLoaderTests {

	@TempDir
	Path dir;

	@Test
	void loadsEveryMarkdownFileButNotTheTaxonomyFolder() {
		TestContent content = new TestContent(dir);
		content.write("lessons/one.md", TestContent.lesson("One", "Body one"));
		content.write("handbook/two.md", TestContent.lesson("Two", "Body two", "type: handbook-chapter"));
		content.write("taxonomy/notes.md", "# Not a document\n");
		content.write("lessons/readme.txt", "ignored");

		ContentSnapshot snapshot = content.loader().loadAll();

		assertThat(snapshot.documents()).extracting(d -> d.document().id())
			.containsExactly("handbook/two", "lessons/one");
		assertThat(snapshot.clean()).isTrue();
	}

	@Test
	void nonUtf8AndOversizedFilesAreListedNotLoaded() {
		TestContent content = new TestContent(dir);
		content.writeBytes("lessons/latin1.md", new byte[] { '#', ' ', (byte) 0xE9, (byte) 0xFF, '\n' });
		content.writeBytes("lessons/huge.md", new byte[(int) ContentLoader.MAX_FILE_BYTES + 1]);

		ContentSnapshot snapshot = content.loader().loadAll();

		assertThat(snapshot.documents()).isEmpty();
		assertThat(snapshot.problems()).extracting(ContentProblem::path, ContentProblem::severity)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("lessons/huge.md", Severity.SKIPPED),
					org.assertj.core.groups.Tuple.tuple("lessons/latin1.md", Severity.SKIPPED));
		assertThat(snapshot.clean()).isFalse();
	}

	@Test
	void twoFilesWithTheSameIdKeepTheFirstAndReportTheSecond() {
		TestContent content = new TestContent(dir);
		content.write("lessons/same-name.md", TestContent.lesson("A", "a"));
		content.write("lessons/Same Name.md", TestContent.lesson("B", "b"));

		ContentSnapshot snapshot = content.loader().loadAll();

		assertThat(snapshot.documents()).hasSize(1);
		assertThat(snapshot.problems()).anySatisfy(p -> assertThat(p.message()).contains("same id"));
	}

	@Test
	void missingContentFolderLoadsNothing() {
		TestContent content = new TestContent(dir);
		ContentLoader loader = new ContentLoader(dir.resolve("absent"), content.taxonomy(), new MarkdownRenderer());

		assertThat(loader.loadAll().documents()).isEmpty();
	}
}
