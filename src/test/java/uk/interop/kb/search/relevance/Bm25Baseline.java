package uk.interop.kb.search.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import uk.interop.kb.content.SourceDocument;

/**
 * The yardstick: plain BM25 over title and body with Lucene's standard analyzer (lower-casing only: no
 * stemming, no stop words, no synonyms), any word may match, both fields weighted alike.
 */
final class Bm25Baseline implements AutoCloseable {

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
	private final StandardAnalyzer analyzer = new StandardAnalyzer();
	private final DirectoryReader reader;
	private final IndexSearcher searcher;

	Bm25Baseline(List<SourceDocument> documents) {
		IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
		try (IndexWriter writer = new IndexWriter(directory, config)) {
			for (SourceDocument source : documents) {
				Document doc = new Document();
				doc.add(new StringField("id", source.document().id(), Field.Store.YES));
				doc.add(new TextField("title", source.document().title(), Field.Store.NO));
				doc.add(new TextField("body", source.rendered().plainText(), Field.Store.NO));
				writer.addDocument(doc);
			}
			writer.commit();
			reader = DirectoryReader.open(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		searcher = new IndexSearcher(reader);
		searcher.setSimilarity(new BM25Similarity());
	}

	List<String> search(String text, int count) {
		SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of("title", 1f, "body", 1f));
		parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
		Query query = parser.parse(text);
		if (query == null) {
			query = new MatchNoDocsQuery();
		}
		try {
			List<String> ids = new ArrayList<>();
			var stored = searcher.storedFields();
			for (ScoreDoc hit : searcher.search(query, count).scoreDocs) {
				ids.add(stored.document(hit.doc).get("id"));
			}
			return ids;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		reader.close();
		directory.close();
	}
}
