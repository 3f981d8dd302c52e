package uk.interop.kb.problembook;

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
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.DocumentSource;
import uk.interop.kb.taxonomy.Concept;
import uk.interop.kb.taxonomy.Taxonomy;

/**
 * Entries created in the app as searchable documents. Their levels in the index are their current
 * mapped levels (proposed or agreed), so search and the matrix agree for them; entries from content
 * files keep the levels written in their files.
 */
@Component
class EntryDocuments implements DocumentSource {

	static final String TYPE = "problem-book-entry";
	static final String SOURCE = "Created in Interop KB by the forum's editors.";

	private final EntryRepository entries;
	private final MappingRepository mappings;
	private final MarkdownRenderer renderer;
	private final List<String> levelOrder;

	EntryDocuments(EntryRepository entries, MappingRepository mappings, MarkdownRenderer renderer, Taxonomy taxonomy) {
		this.entries = entries;
		this.mappings = mappings;
		this.renderer = renderer;
		this.levelOrder = taxonomy.levels().concepts().stream().map(Concept::id).toList();
	}

	@Override
	public List<SourceDocument> documents() {
		var latest = mappings.latestByEntry();
		return entries.all().stream().map(e -> document(e, latest.getOrDefault(e.reference(), List.of()))).toList();
	}

	Optional<SourceDocument> byReference(String reference) {
		return entries.find(reference).map(e -> document(e, mappings.history(reference)));
	}

	private SourceDocument document(StoredEntry entry, List<MappingRecord> ledgerNewestFirst) {
		var latest = EntryMapping.latestPerLevel(ledgerNewestFirst);
		List<String> levels = levelOrder.stream()
			.filter(level -> latest.containsKey(level) && latest.get(level).state().counted())
			.toList();
		String markdown = "## Problem statement\n\n" + entry.statement();
		LocalDate published = LocalDate.ofInstant(entry.createdAt(), ZoneOffset.UTC);
		Document document = new Document(entry.documentId(), entry.title(), TYPE, entry.summary(), levels,
				entry.themes(), List.of(), List.of(), "", List.of(), published, List.of("Interop KB editors"),
				entry.visibility(), SOURCE, false, entry.reference(), entry.status());
		return new SourceDocument(document, markdown, renderer.render(markdown), hash(document, markdown),
				SourceDocument.Origin.DATABASE);
	}

	/** Changes whenever anything indexed changes, so start-up re-indexes exactly the documents that need it. */
	private static String hash(Document document, String markdown) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(document.toString().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(markdown.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
