package uk.interop.kb.search;

/** Field names in the Lucene index; one place so writer and searcher agree. */
final class LuceneFields {
	static final String ID = "id";
	static final String ORIGIN = "origin";
	static final String HASH = "hash";
	/** Doc values "id\nhash": what the start-up check reads, without touching stored fields. */
	static final String SYNC_KEY = "sync_key";
	static final String VISIBILITY = "visibility";
	static final String TITLE = "title";
	static final String SUMMARY = "summary";
	static final String BODY = "body";
	static final String HTML = "html";
	static final String HEADINGS = "headings";
	static final String PUBLISHED = "published";
	static final String PUBLISHED_SORT = "published_sort";
	static final String AUTHORS = "authors";
	static final String SOURCE = "source";
	static final String ILLUSTRATIVE = "illustrative";
	static final String REFERENCE = "reference";
	static final String STATUS = "status";

	private LuceneFields() {
	}
}
