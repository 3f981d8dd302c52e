package uk.interop.kb.submission;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.ParsedFile;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.DocumentSource;
import uk.interop.kb.shared.Sha256;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Published submissions as the index should hold them. The engine reads them from here after each
 * publish or withdrawal, and at start-up, so a crash between saving and indexing is put right.
 */
@Component
class PublishedSubmissions implements DocumentSource {

	private final SubmissionRepository repository;
	private final SubmissionMarkdown markdown;
	private final MarkdownRenderer renderer;

	PublishedSubmissions(SubmissionRepository repository, Taxonomy taxonomy, MarkdownRenderer renderer) {
		this.repository = repository;
		this.markdown = new SubmissionMarkdown(taxonomy);
		this.renderer = renderer;
	}

	@Override
	public List<SourceDocument> documents() {
		return repository.findPublished().stream()
			.flatMap(s -> repository.revision(s.id(), s.currentRevision())
				.flatMap(r -> toSource(s, r.markdown())).stream())
			.toList();
	}

	@Override
	public Optional<SourceDocument> document(String id) {
		return repository.findByDocumentId(id).filter(s -> s.status() == SubmissionStatus.PUBLISHED && !s.isSuggestion())
			.flatMap(s -> repository.revision(s.id(), s.currentRevision()).flatMap(r -> toSource(s, r.markdown())));
	}

	/** Parsed but not rendered: the index-health gauge reads this on every scrape. */
	@Override
	public Map<String, String> contentHashes() {
		Map<String, String> hashes = new LinkedHashMap<>();
		for (Submission submission : repository.findPublished()) {
			repository.revision(submission.id(), submission.currentRevision()).ifPresent(revision -> {
				LocalDate published = publishedOn(submission);
				if (markdown.parse(revision.markdown(), published).document().isPresent()) {
					hashes.put(submission.documentId(), hash(revision.markdown(), published, updatedOn(submission)));
				}
			});
		}
		return hashes;
	}

	private static LocalDate publishedOn(Submission submission) {
		return submission.publishedAt().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC))
			.orElse(LocalDate.now(ZoneOffset.UTC));
	}

	/** When a published change last went into it; empty if none has. */
	private Optional<LocalDate> updatedOn(Submission submission) {
		return repository.documentChanges(submission.documentId()).stream().findFirst()
			.map(change -> LocalDate.ofInstant(change.at(), ZoneOffset.UTC));
	}

	private static String hash(String text, LocalDate published, Optional<LocalDate> updated) {
		return Sha256.hex(text + "\n" + published + updated.map(u -> "\n" + u).orElse(""));
	}

	private Optional<SourceDocument> toSource(Submission submission, String text) {
		LocalDate published = publishedOn(submission);
		Optional<LocalDate> updated = updatedOn(submission);
		ParsedFile parsed = markdown.parse(text, published);
		return parsed.document().map(d -> {
			Document dated = new Document(submission.documentId(), d.title(), d.type(), d.summary(), d.levels(),
					d.themes(), d.organisations(), d.sectors(), d.outcome(), d.barriers(), published, d.authors(),
					d.visibility(), d.source(), false, d.reference(), d.status(), "", "", updated.orElse(published),
					"");
			return new SourceDocument(dated, parsed.body(), renderer.render(parsed.body()),
					hash(text, published, updated), SourceDocument.Origin.DATABASE);
		});
	}
}
