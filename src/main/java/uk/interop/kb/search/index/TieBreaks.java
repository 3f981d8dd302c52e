package uk.interop.kb.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;

/** What breaks a tie in relevance: real sources before illustrative examples, then the newest. */
public final class TieBreaks {

	private final List<LeafReaderContext> leaves;

	private TieBreaks(IndexReader reader) {
		this.leaves = reader.leaves();
	}

	public static TieBreaks of(IndexReader reader) {
		return new TieBreaks(reader);
	}

	/** 0 for a real-source document, 1 for an illustrative one. */
	public int illustrative(int doc) {
		return (int) value(doc, LuceneFields.ILLUSTRATIVE_SORT);
	}

	/** Days since the epoch of the document's publication. */
	public long published(int doc) {
		return value(doc, LuceneFields.PUBLISHED_SORT);
	}

	private long value(int doc, String field) {
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		try {
			NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
			return values.advanceExact(doc - leaf.docBase) ? values.longValue() : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
