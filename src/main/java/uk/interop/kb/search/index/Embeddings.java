package uk.interop.kb.search.index;

import java.util.List;
import java.util.Optional;

/**
 * Sentence embeddings for semantic retrieval: one vector for a query, and one per passage of a
 * document (its title and summary, then chunks of its body). Vectors are unit length, so a dot
 * product is their cosine. {@link #NONE} is lexical-only: no vectors at all.
 */
public interface Embeddings {

	Embeddings NONE = new Embeddings() {
		@Override
		public String model() {
			return "none";
		}

		@Override
		public Optional<float[]> query(String text) {
			return Optional.empty();
		}

		@Override
		public List<float[]> passages(String contentHash, List<String> passages) {
			return List.of();
		}
	};

	/** Names the model (and its version): part of the index's schema key, so a change of model rebuilds. */
	String model();

	/** The query's vector; empty when semantic retrieval is off or the model could not be loaded. */
	Optional<float[]> query(String text);

	/**
	 * The passages' vectors, in order; {@code contentHash} (the document's, which changes whenever its
	 * text does) lets unchanged documents reuse vectors worked out before. Empty when there is no model.
	 */
	List<float[]> passages(String contentHash, List<String> passages);

	default boolean enabled() {
		return !"none".equals(model());
	}
}
