package uk.interop.kb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/** A content folder in a temp dir, with the real taxonomy copied in, for tests to write files into. */
public final class TestContent {

	public static final Path REAL_CONTENT = Path.of("content");

	private final Path root;

	public TestContent(Path root) {
		this.root = root;
		copyTaxonomy();
	}

	public Path root() {
		return root;
	}

	public Taxonomy taxonomy() {
		return new TaxonomyLoader().load(root.resolve("taxonomy"));
	}

	public ContentLoader loader() {
		return new ContentLoader(root, taxonomy(), new MarkdownRenderer());
	}

	public Path write(String relative, String text) {
		return writeBytes(relative, text.getBytes(StandardCharsets.UTF_8));
	}

	public Path writeBytes(String relative, byte[] bytes) {
		try {
			Path file = root.resolve(relative);
			Files.createDirectories(file.getParent());
			return Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void delete(String relative) {
		try {
			Files.delete(root.resolve(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A valid lesson with the given extra front-matter lines (which replace defaults of the same key). */
	public static String lesson(String title, String body, String... frontMatter) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("title", title);
		fields.put("type", "lesson");
		fields.put("summary", "A summary of " + title);
		fields.put("levels", "[semantic]");
		fields.put("themes", "[data-quality]");
		fields.put("sector", "[police]");
		fields.put("outcome", "worked");
		fields.put("published", "2026-01-15");
		fields.put("visibility", "public");
		fields.put("source", "Test fixture");
		fields.put("illustrative", "true");
		for (String line : frontMatter) {
			int colon = line.indexOf(':');
			fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
		}
		StringBuilder text = new StringBuilder("---\n");
		fields.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
		return text.append("---\n\n").append(body).append('\n').toString();
	}

	private void copyTaxonomy() {
		try (Stream<Path> files = Files.list(REAL_CONTENT.resolve("taxonomy"))) {
			Path target = Files.createDirectories(root.resolve("taxonomy"));
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
