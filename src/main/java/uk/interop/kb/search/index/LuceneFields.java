package uk.interop.kb.search.index;

/** Field names in the Lucene index; one place so writer and searcher agree. */
public final class LuceneFields {
	public static final String ID = "id";
	public static final String ORIGIN = "origin";
	public static final String HASH = "hash";
	/** Doc values "id\nhash": what the start-up check reads, without touching stored fields. */
	public static final String SYNC_KEY = "sync_key";
	public static final String VISIBILITY = "visibility";
	public static final String TITLE = "title";
	public static final String SUMMARY = "summary";
	public static final String BODY = "body";
	/** The labels and alternative labels of every concept the document is tagged with: searchable text. */
	public static final String LABELS = "labels";
	public static final String HTML = "html";
	public static final String HEADINGS = "headings";
	public static final String PUBLISHED = "published";
	public static final String PUBLISHED_SORT = "published_sort";
	/** 0 for documents from real sources, 1 for illustrative ones: real ones first when relevance ties. */
	public static final String ILLUSTRATIVE_SORT = "illustrative_sort";
	public static final String AUTHORS = "authors";
	public static final String SOURCE = "source";
	public static final String SOURCE_DATE = "source_date";
	public static final String ILLUSTRATIVE = "illustrative";
	public static final String REFERENCE = "reference";
	public static final String STATUS = "status";
	public static final String UPDATED = "updated";
	public static final String REVIEW_BY = "review_by";
	/** The review-by day as an epoch-day point, for the editors' "due for review" filter; absent when none is set. */
	public static final String REVIEW_BY_DAY = "review_by_day";
	/** Passage vectors: {@code vector_0} is the title and summary, then body chunks in order. */
	public static final String VECTOR_PREFIX = "vector_";

	private LuceneFields() {
	}

	public static String vector(int passage) {
		return VECTOR_PREFIX + passage;
	}
}
