package uk.interop.kb.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.interop.kb.search.index.SearchIndex;
import uk.interop.kb.taxonomy.Taxonomy;

/** Derived folders sit below {@code kb.index-dir}, so what else is there (its tracked README) is left alone. */
class StoragePropertiesTests {

	@TempDir
	Path dir;

	@Test
	void theLuceneIndexAndTheEmbeddingsHaveTheirOwnFoldersBelowTheIndexFolder() throws Exception {
		Path index = Files.createDirectories(dir.resolve("index"));
		Files.writeString(index.resolve("README.md"), "# index/\n");
		StorageProperties storage = new StorageProperties(Path.of("content"), index, dir.resolve("data"),
				dir.resolve("backups"));

		try (SearchIndex opened = new SearchIndex(storage.luceneDir(), new Taxonomy(java.util.Map.of(), "", ""))) {
			assertThat(opened.damageFoundAtStart()).isEmpty();
		}

		assertThat(storage.luceneDir()).isEqualTo(index.resolve("lucene"));
		assertThat(storage.embeddingsDir()).isEqualTo(index.resolve("embeddings"));
		assertThat(index.resolve("README.md")).hasContent("# index/");
		try (var entries = Files.list(dir)) {
			assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("index");
		}
	}
}
