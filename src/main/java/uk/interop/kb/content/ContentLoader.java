package uk.interop.kb.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import uk.interop.kb.content.ContentProblem.Severity;
import uk.interop.kb.shared.Sha256;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Reads the Markdown files of a content folder (everything but {@code taxonomy/}). Scanning
 * (read and hash) is separate from parsing so start-up can skip files the index already has.
 */
public final class ContentLoader {

	/** Largest file read; a larger one is listed as a problem, not loaded. */
	public static final long MAX_FILE_BYTES = 1024 * 1024;

	private final Path root;
	private final FrontMatterParser parser;
	private final MarkdownRenderer renderer;

	public ContentLoader(Path root, Taxonomy taxonomy, MarkdownRenderer renderer) {
		this.root = root;
		this.parser = new FrontMatterParser(taxonomy);
		this.renderer = renderer;
	}

	public Path root() {
		return root;
	}

	/** Every Markdown file, read and hashed, in path order; unreadable files become problems. */
	public List<ContentFile> scan(List<ContentProblem> problems) {
		List<ContentFile> files = new ArrayList<>();
		for (ContentEntry entry : list(problems)) {
			read(entry, problems).ifPresent(files::add);
		}
		return files;
	}

	/**
	 * Every Markdown file in path order, listed with one file-system lookup each and nothing read: what a
	 * start-up check walks, reading only the files whose stamp the index does not already hold. A second
	 * file whose path gives the same id is a problem, not an entry.
	 */
	public List<ContentEntry> list(List<ContentProblem> problems) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<ContentEntry> entries = new ArrayList<>();
		Path taxonomy = root.resolve("taxonomy");
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					return dir.equals(taxonomy) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path path, BasicFileAttributes found) {
					if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
						return FileVisitResult.CONTINUE;
					}
					BasicFileAttributes attributes = found;
					if (found.isSymbolicLink()) {
						// A linked file counts as the file it links to, as it always has; a broken link is no file.
						try {
							attributes = Files.readAttributes(path, BasicFileAttributes.class);
						}
						catch (IOException ex) {
							return FileVisitResult.CONTINUE;
						}
					}
					if (attributes.isRegularFile()) {
						String relative = relative(path);
						entries.add(new ContentEntry(relative, FrontMatterParser.idFor(relative),
								attributes.size(), stamp(attributes)));
					}
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + root, ex);
		}
		entries.sort(Comparator.comparing(ContentEntry::path));
		List<ContentEntry> unique = new ArrayList<>(entries.size());
		Map<String, String> pathById = new HashMap<>(entries.size() * 4 / 3 + 1);
		for (ContentEntry entry : entries) {
			String previous = pathById.putIfAbsent(entry.id(), entry.path());
			if (previous != null) {
				problems.add(new ContentProblem(entry.path(), 1, "path", "has the same id '" + entry.id() + "' as "
						+ previous, Severity.SKIPPED));
			}
			else {
				unique.add(entry);
			}
		}
		return unique;
	}

	/** Size, modification time to the nanosecond and the file's identity (device and inode where there are such). */
	private static String stamp(BasicFileAttributes attributes) {
		return attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":"
				+ attributes.fileKey();
	}

	/** Reads and hashes one listed file; empty (with the problem recorded) when it is too large or unreadable. */
	public Optional<ContentFile> read(ContentEntry entry, List<ContentProblem> problems) {
		return read(root.resolve(entry.path()), entry.path(), problems);
	}

	/** Parses and renders one scanned file; empty when it cannot be indexed (the problems say why). */
	public Optional<SourceDocument> parse(ContentFile file, List<ContentProblem> problems) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.bytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(new ContentProblem(file.path(), 1, "file", "is not UTF-8 text", Severity.SKIPPED));
			return Optional.empty();
		}
		ParsedFile parsed = parser.parse(file.path(), text, file.lastModified());
		problems.addAll(parsed.problems());
		return parsed.document()
			.map(document -> new SourceDocument(document, parsed.body(), renderer.render(parsed.body()), file.hash(),
					SourceDocument.Origin.FILE));
	}

	/** Scans and parses everything: what {@code validate} and the content-health page use. */
	public ContentSnapshot loadAll() {
		List<ContentProblem> problems = new ArrayList<>();
		List<SourceDocument> documents = new ArrayList<>();
		for (ContentFile file : scan(problems)) {
			parse(file, problems).ifPresent(documents::add);
		}
		return new ContentSnapshot(documents, problems);
	}

	private Optional<ContentFile> read(Path path, String relative, List<ContentProblem> problems) {
		try {
			long size = Files.size(path);
			if (size > MAX_FILE_BYTES) {
				problems.add(new ContentProblem(relative, 1, "file", "is " + size + " bytes; the limit is "
						+ MAX_FILE_BYTES, Severity.SKIPPED));
				return Optional.empty();
			}
			byte[] bytes = Files.readAllBytes(path);
			LocalDate modified = LocalDate.ofInstant(Files.getLastModifiedTime(path).toInstant(), ZoneOffset.UTC);
			String id = FrontMatterParser.idFor(relative);
			return Optional.of(new ContentFile(relative, id, bytes, sha256(bytes), modified));
		}
		catch (IOException ex) {
			problems.add(new ContentProblem(relative, 1, "file", "cannot be read: " + ex.getMessage(),
					Severity.SKIPPED));
			return Optional.empty();
		}
	}

	private String relative(Path path) {
		return root.relativize(path).toString().replace('\\', '/');
	}

	static String sha256(byte[] bytes) {
		return Sha256.hex(bytes);
	}
}
