package uk.interop.kb.search.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantised ONNX, 384 dimensions), shipped inside its Maven artifact and run
 * in-process on the CPU: nothing is downloaded. Passage vectors are cached on disk by document
 * hash ({@link EmbeddingCache}); query vectors in memory, since people repeat searches.
 */
public final class SentenceEmbeddings implements Embeddings {

	public static final String MODEL = "all-minilm-l6-v2-q/langchain4j-1.19.0-beta29";

	private static final Logger log = LoggerFactory.getLogger(SentenceEmbeddings.class);
	private static final int QUERY_CACHE = 10_000;

	private final EmbeddingModel model;
	private final EmbeddingCache cache;
	private final Cache<String, float[]> queries = Caffeine.newBuilder().maximumSize(QUERY_CACHE).build();

	private SentenceEmbeddings(EmbeddingModel model, Path cacheDir) {
		this.model = model;
		this.cache = new EmbeddingCache(cacheDir, MODEL + "/" + Passages.VERSION);
	}

	/** What loading gave: the embeddings, or why there are none (the app then searches lexically only). */
	public record Loaded(Embeddings embeddings, Optional<String> problem) {
	}

	public static Loaded load(Path cacheDir) {
		try {
			long start = System.nanoTime();
			EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
			// One short embedding proves the native runtime works here, before anything relies on it.
			model.embed("interoperability");
			log.info("Sentence embeddings ({}) loaded in {} ms", MODEL, (System.nanoTime() - start) / 1_000_000);
			return new Loaded(new SentenceEmbeddings(model, cacheDir), Optional.empty());
		}
		catch (RuntimeException | LinkageError ex) {
			String reason = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			log.warn("Semantic search is off: the embedding model could not be loaded ({}); searching lexically only",
					reason);
			return new Loaded(NONE, Optional.of("the embedding model could not be loaded: " + reason));
		}
	}

	@Override
	public String model() {
		return MODEL + "/" + Passages.VERSION;
	}

	@Override
	public Optional<float[]> query(String text) {
		String key = text.strip();
		if (key.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(queries.get(key, k -> unit(model.embed(k).content())));
	}

	@Override
	public List<float[]> passages(String contentHash, List<String> passages) {
		Optional<List<float[]>> cached = cache.get(contentHash, passages.size());
		if (cached.isPresent()) {
			return cached.get();
		}
		List<float[]> vectors = new ArrayList<>();
		for (Embedding embedding : model.embedAll(passages.stream().map(TextSegment::from).toList()).content()) {
			vectors.add(unit(embedding));
		}
		cache.put(contentHash, vectors);
		return vectors;
	}

	/** Unit length, so a dot product is the cosine (Lucene's DOT_PRODUCT similarity requires it). */
	static float[] unit(Embedding embedding) {
		float[] vector = embedding.vector().clone();
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		if (norm > 0) {
			for (int i = 0; i < vector.length; i++) {
				vector[i] = (float) (vector[i] / norm);
			}
		}
		return vector;
	}
}
