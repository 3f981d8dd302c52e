package uk.interop.kb.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.ParsedFile;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.DocumentSource;
import uk.interop.kb.search.SearchIndex;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Puts published submissions in the index and takes withdrawn ones out, waiting until search
 * shows the change. As a {@link DocumentSource} it also lets start-up catch the index up with the
 * database after a crash between saving and indexing.
 */
@Component
class SubmissionPublisher implements DocumentSource {

	private final SubmissionRepository repository;
	private final SubmissionMarkdown markdown;
	private final MarkdownRenderer renderer;
	private final SearchIndex index;

	SubmissionPublisher(SubmissionRepository repository, Taxonomy taxonomy, MarkdownRenderer renderer,
			SearchIndex index) {
		this.repository = repository;
		this.markdown = new SubmissionMarkdown(taxonomy);
		this.renderer = renderer;
		this.index = index;
	}

	void publish(Submission submission, String text) {
		toSource(submission, text).ifPresent(source -> index.waitFor(index.upsert(source)));
	}

	void withdraw(String documentId) {
		index.waitFor(index.delete(documentId));
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
		return repository.findByDocumentId(id).filter(s -> s.status() == SubmissionStatus.PUBLISHED)
			.flatMap(s -> repository.revision(s.id(), s.currentRevision()).flatMap(r -> toSource(s, r.markdown())));
	}

	private Optional<SourceDocument> toSource(Submission submission, String text) {
		LocalDate published = submission.publishedAt().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC))
			.orElse(LocalDate.now(ZoneOffset.UTC));
		ParsedFile parsed = markdown.parse(text, published);
		return parsed.document().map(d -> {
			Document dated = new Document(submission.documentId(), d.title(), d.type(), d.summary(), d.levels(),
					d.themes(), d.organisations(), d.sectors(), d.outcome(), d.barriers(), published, d.authors(),
					d.visibility(), d.source(), false, d.reference(), d.status());
			return new SourceDocument(dated, parsed.body(), renderer.render(parsed.body()),
					sha256(text + "\n" + published), SourceDocument.Origin.DATABASE);
		});
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
