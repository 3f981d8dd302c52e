package uk.interop.kb.problembook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.DocumentSource;
import uk.interop.kb.shared.Sha256;
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
		return entries.all().stream().map(e -> render(unrendered(e, latest.getOrDefault(e.reference(), List.of()))))
			.toList();
	}

	@Override
	public Optional<SourceDocument> document(String id) {
		return entries.all().stream().filter(e -> e.documentId().equals(id)).findFirst()
			.map(e -> render(unrendered(e, mappings.history(e.reference()))));
	}

	/** What the index should hold, by hash only: nothing is rendered (the index-health gauge reads this). */
	@Override
	public Map<String, String> contentHashes() {
		var latest = mappings.latestByEntry();
		Map<String, String> hashes = new LinkedHashMap<>();
		for (StoredEntry entry : entries.all()) {
			Unrendered parts = unrendered(entry, latest.getOrDefault(entry.reference(), List.of()));
			hashes.put(entry.documentId(), hash(parts.document(), parts.markdown()));
		}
		return hashes;
	}

	private record Unrendered(Document document, String markdown) {
	}

	private Unrendered unrendered(StoredEntry entry, List<MappingRecord> ledgerNewestFirst) {
		var latest = EntryMapping.latestPerLevel(ledgerNewestFirst);
		List<String> levels = levelOrder.stream()
			.filter(level -> latest.containsKey(level) && latest.get(level).state().counted())
			.toList();
		String markdown = "## Problem statement\n\n" + entry.statement();
		LocalDate published = LocalDate.ofInstant(entry.createdAt(), ZoneOffset.UTC);
		Document document = new Document(entry.documentId(), entry.title(), TYPE, entry.summary(), levels,
				entry.themes(), List.of(), List.of(), "", List.of(), published, List.of("Interop KB editors"),
				entry.visibility(), SOURCE, false, entry.reference(), entry.status());
		return new Unrendered(document, markdown);
	}

	private SourceDocument render(Unrendered parts) {
		return new SourceDocument(parts.document(), parts.markdown(), renderer.render(parts.markdown()),
				hash(parts.document(), parts.markdown()), SourceDocument.Origin.DATABASE);
	}

	/** Changes whenever anything indexed changes, so start-up re-indexes exactly the documents that need it. */
	private static String hash(Document document, String markdown) {
		MessageDigest digest = Sha256.digest();
		digest.update(document.toString().getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(markdown.getBytes(StandardCharsets.UTF_8));
		return Sha256.hex(digest);
	}
}
