package uk.interop.kb.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

import uk.interop.kb.content.Document;
import uk.interop.kb.content.RenderedMarkdown;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.content.Visibility;
import uk.interop.kb.search.Facet;
import uk.interop.kb.search.IndexedDocument;
import uk.interop.kb.taxonomy.Taxonomy;

import static uk.interop.kb.search.index.LuceneFields.*;

/** Between our documents and Lucene's: what is indexed, stored, faceted and embedded. */
public final class DocumentMapper {

	/** Text with offsets in the postings, so the unified highlighter needs no re-analysis. */
	private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);
	private static final FieldType SPELLING = new FieldType(TextField.TYPE_NOT_STORED);

	static {
		TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		TEXT_WITH_OFFSETS.freeze();
		SPELLING.setIndexOptions(IndexOptions.DOCS);
		SPELLING.setOmitNorms(true);
		SPELLING.freeze();
	}

	private final FacetsConfig facetsConfig;
	private final Taxonomy taxonomy;
	private final Embeddings embeddings;

	DocumentMapper(FacetsConfig facetsConfig, Taxonomy taxonomy, Embeddings embeddings) {
		this.facetsConfig = facetsConfig;
		this.taxonomy = taxonomy;
		this.embeddings = embeddings;
	}

	static FacetsConfig facetsConfig() {
		FacetsConfig config = new FacetsConfig();
		for (Facet facet : Facet.values()) {
			config.setMultiValued(facet.param(), true);
		}
		return config;
	}

	Embeddings embeddings() {
		return embeddings;
	}

	org.apache.lucene.document.Document toLucene(SourceDocument source) {
		return toLucene(source, "");
	}

	/**
	 * {@code fileStamp} is the content file's size, time and identity when it came from one ({@code ""}
	 * otherwise): kept beside the hash, so the start-up check can pass over a file without reading it.
	 */
	org.apache.lucene.document.Document toLucene(SourceDocument source, String fileStamp) {
		Document d = source.document();
		org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
		doc.add(new StringField(ID, d.id(), Field.Store.YES));
		doc.add(new StringField(ORIGIN, source.origin().name(), Field.Store.YES));
		doc.add(new StoredField(HASH, source.contentHash()));
		doc.add(new BinaryDocValuesField(SYNC_KEY,
				new BytesRef(d.id() + "\n" + source.contentHash() + "\n" + fileStamp)));
		doc.add(new StringField(VISIBILITY, d.visibility().id(), Field.Store.YES));
		doc.add(new Field(TITLE, d.title(), TEXT_WITH_OFFSETS));
		doc.add(new Field(SUMMARY, d.summary(), TEXT_WITH_OFFSETS));
		doc.add(new Field(BODY, source.rendered().plainText(), TEXT_WITH_OFFSETS));
		String labels = labels(d);
		doc.add(new TextField(LABELS, labels, Field.Store.NO));
		doc.add(new StoredField(HTML, source.rendered().html()));
		doc.add(new StoredField(HEADINGS, headings(source.rendered().headings())));
		String spellText = d.title() + "\n" + d.summary() + "\n" + source.rendered().plainText();
		doc.add(new Field(d.isPublic() ? KbAnalyzers.SPELL_PUBLIC : KbAnalyzers.SPELL_MEMBERS, spellText, SPELLING));
		doc.add(new StoredField(PUBLISHED, d.published().toString()));
		doc.add(new NumericDocValuesField(PUBLISHED_SORT, d.published().toEpochDay()));
		doc.add(new NumericDocValuesField(ILLUSTRATIVE_SORT, d.illustrative() ? 1 : 0));
		d.authors().forEach(a -> doc.add(new StoredField(AUTHORS, a)));
		doc.add(new StoredField(SOURCE, d.source()));
		doc.add(new StoredField(SOURCE_DATE, d.sourceDate()));
		doc.add(new StoredField(ILLUSTRATIVE, Boolean.toString(d.illustrative())));
		doc.add(new StoredField(REFERENCE, d.reference()));
		doc.add(new StoredField(STATUS, d.status()));
		doc.add(new StoredField(UPDATED, d.updated().toString()));
		doc.add(new StoredField(REVIEW_BY, d.reviewBy()));
		if (!d.reviewBy().isEmpty()) {
			doc.add(new LongPoint(REVIEW_BY_DAY, LocalDate.parse(d.reviewBy()).toEpochDay()));
		}
		keyword(doc, Facet.LEVEL, d.levels());
		keyword(doc, Facet.THEME, d.themes());
		keyword(doc, Facet.TYPE, List.of(d.type()));
		keyword(doc, Facet.PROVENANCE, List.of(d.illustrative() ? "illustrative" : "real"));
		keyword(doc, Facet.SOURCE_TYPE, d.sourceType().isEmpty() ? List.of() : List.of(d.sourceType()));
		keyword(doc, Facet.ORGANISATION, d.organisations());
		keyword(doc, Facet.SECTOR, d.sectors());
		keyword(doc, Facet.OUTCOME, d.outcome().isEmpty() ? List.of() : List.of(d.outcome()));
		keyword(doc, Facet.BARRIER, d.barriers());
		keyword(doc, Facet.YEAR, List.of(Integer.toString(d.published().getYear())));
		keyword(doc, Facet.SOURCE_YEAR, d.sourceYear().isEmpty() ? List.of() : List.of(d.sourceYear()));
		// Cutting the text into passages is only worth it when there is a model to embed them.
		List<float[]> vectors = embeddings.enabled() ? embeddings.passages(source.contentHash(),
				Passages.of(d, source.rendered().plainText())) : List.of();
		for (int i = 0; i < vectors.size(); i++) {
			doc.add(new KnnFloatVectorField(vector(i), vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
		}
		try {
			return facetsConfig.build(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every tagged concept's label and alternative labels, so "supplier lock-in" finds what is tagged with it. */
	private String labels(Document d) {
		Set<String> labels = new LinkedHashSet<>();
		addLabels(labels, Taxonomy.LEVELS, d.levels());
		addLabels(labels, Taxonomy.THEMES, d.themes());
		addLabels(labels, Taxonomy.TYPES, List.of(d.type()));
		addLabels(labels, Taxonomy.ORGANISATIONS, d.organisations());
		addLabels(labels, Taxonomy.SECTORS, d.sectors());
		addLabels(labels, Taxonomy.OUTCOMES, d.outcome().isEmpty() ? List.of() : List.of(d.outcome()));
		addLabels(labels, Taxonomy.BARRIERS, d.barriers());
		addLabels(labels, Taxonomy.SOURCE_TYPES, d.sourceType().isEmpty() ? List.of() : List.of(d.sourceType()));
		return String.join("\n", labels);
	}

	private void addLabels(Set<String> labels, String vocabulary, List<String> ids) {
		for (String id : ids) {
			taxonomy.vocabulary(vocabulary).concept(id).ifPresent(concept -> {
				labels.add(concept.label());
				labels.addAll(concept.altLabels());
			});
		}
	}

	/** Each facet value is a stored keyword (for filters and display) and a facet ordinal (for counts). */
	private static void keyword(org.apache.lucene.document.Document doc, Facet facet, List<String> values) {
		for (String value : values) {
			doc.add(new StringField(facet.param(), value, Field.Store.YES));
			doc.add(new SortedSetDocValuesFacetField(facet.param(), value));
		}
	}

	public IndexedDocument fromLucene(org.apache.lucene.document.Document doc) {
		Document d = new Document(doc.get(ID), doc.get(TITLE), doc.get(Facet.TYPE.param()), doc.get(SUMMARY),
				values(doc, Facet.LEVEL), values(doc, Facet.THEME), values(doc, Facet.ORGANISATION),
				values(doc, Facet.SECTOR), orEmpty(doc.get(Facet.OUTCOME.param())), values(doc, Facet.BARRIER),
				LocalDate.parse(doc.get(PUBLISHED)), Arrays.asList(doc.getValues(AUTHORS)),
				Visibility.fromId(doc.get(VISIBILITY)).orElse(Visibility.MEMBERS), orEmpty(doc.get(SOURCE)),
				Boolean.parseBoolean(doc.get(ILLUSTRATIVE)), orEmpty(doc.get(REFERENCE)), orEmpty(doc.get(STATUS)),
				orEmpty(doc.get(Facet.SOURCE_TYPE.param())), orEmpty(doc.get(SOURCE_DATE)),
				doc.get(UPDATED) == null ? null : LocalDate.parse(doc.get(UPDATED)), orEmpty(doc.get(REVIEW_BY)));
		return new IndexedDocument(d, orEmpty(doc.get(HTML)), headings(orEmpty(doc.get(HEADINGS))),
				orEmpty(doc.get(HASH)));
	}

	private static List<String> values(org.apache.lucene.document.Document doc, Facet facet) {
		return Arrays.asList(doc.getValues(facet.param()));
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	private static String headings(List<RenderedMarkdown.Heading> headings) {
		StringBuilder text = new StringBuilder();
		headings.forEach(h -> text.append(h.id()).append('\t').append(h.text().replace('\n', ' ')).append('\n'));
		return text.toString();
	}

	private static List<RenderedMarkdown.Heading> headings(String stored) {
		List<RenderedMarkdown.Heading> headings = new ArrayList<>();
		stored.lines().map(line -> line.split("\t", 2)).filter(parts -> parts.length == 2)
			.forEach(parts -> headings.add(new RenderedMarkdown.Heading(parts[0], parts[1])));
		return headings;
	}
}
