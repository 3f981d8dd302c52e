package uk.interop.kb.submission;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.interop.kb.content.ContentFile;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.content.FrontMatterParser;
import uk.interop.kb.content.ParsedFile;
import uk.interop.kb.shared.Sha256;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * The published lesson or case study a suggested change is about, and its text: a published submission's current
 * revision, or a file in {@code content/} (where a file and a submission share an id the file wins, as it does in
 * search). What it would become is worked out here too, in the same form as the published text.
 */
@Component
class SuggestionTargets {

	static final Set<String> TYPES = Set.of("lesson", "case-study");

	/** Where the published text lives. */
	enum Kind {
		DATABASE, FILE
	}

	/**
	 * A document that can take a suggested change. {@code publishedText} is what the diff starts from; {@code path}
	 * is the file below the content folder (files only); {@code submission} the published one (database only).
	 */
	record Target(String documentId, String title, Kind kind, String path, String rawText, String publishedText,
			SubmissionForm form, Optional<Submission> submission) {

		/** Identifies the published text, so a suggestion made against an older one is noticed. */
		String base() {
			return Sha256.hex(publishedText);
		}

		boolean isFile() {
			return kind == Kind.FILE;
		}
	}

	private final SubmissionRepository repository;
	private final ContentLoader content;
	private final FrontMatterParser parser;
	private final SubmissionMarkdown markdown;
	private final java.time.Clock clock;

	SuggestionTargets(SubmissionRepository repository, ContentLoader content, Taxonomy taxonomy, java.time.Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.content = content;
		this.parser = new FrontMatterParser(taxonomy);
		this.markdown = new SubmissionMarkdown(taxonomy);
	}

	/** The document if it is a published lesson or case study; empty for anything else. */
	Optional<Target> find(String documentId) {
		if (documentId == null || documentId.isBlank() || documentId.length() > 200) {
			return Optional.empty();
		}
		Optional<Target> file = file(documentId);
		if (file.isPresent()) {
			return file;
		}
		return repository.findByDocumentId(documentId)
			.filter(s -> s.status() == SubmissionStatus.PUBLISHED && !s.isSuggestion())
			.flatMap(s -> repository.revision(s.id(), s.currentRevision()).map(r -> {
				SubmissionForm form = markdown.read(r.markdown(), today());
				return new Target(s.documentId(), form.title(), Kind.DATABASE, "", r.markdown(), r.markdown(), form,
						Optional.of(s));
			}))
			.filter(t -> TYPES.contains(t.form().type()));
	}

	/** The whole text that would replace the published one. */
	String proposed(Target target, SubmissionForm form) {
		if (target.isFile()) {
			return ContentFileChange.apply(target.rawText(), form, today());
		}
		Submission published = target.submission().orElseThrow();
		LocalDate on = published.publishedAt().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC)).orElse(today());
		return markdown.write(target.documentId(), form, on, published.ownerName());
	}

	private Optional<Target> file(String documentId) {
		for (ContentFile file : content.scan(new ArrayList<ContentProblem>())) {
			String text = new String(file.bytes(), StandardCharsets.UTF_8);
			ParsedFile parsed = parser.parse(file.path(), text, file.lastModified());
			if (parsed.document().filter(d -> d.id().equals(documentId)).isEmpty()) {
				continue;
			}
			if (!TYPES.contains(parsed.document().get().type())) {
				return Optional.empty();
			}
			try {
				SubmissionForm form = markdown.read(text, file.lastModified());
				return Optional.of(new Target(documentId, form.title(), Kind.FILE, file.path(), text,
						ContentFileChange.normalise(text), form, Optional.empty()));
			}
			catch (org.yaml.snakeyaml.error.YAMLException | SubmissionMarkdown.UnreadableFileException ex) {
				// A file the form cannot round-trip is changed in git, not here.
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}
}
