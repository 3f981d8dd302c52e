package uk.interop.kb.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Health says which mode search runs in, and why when it is lexical only, without taking the app down. */
class SemanticHealthIndicatorTests {

	@Test
	void withoutTheModelSearchIsLexicalOnlyStillUpAndSaysWhy() {
		var health = new SemanticHealthIndicator(new SentenceEmbeddings.Loaded(Embeddings.NONE,
				Optional.of("the embedding model could not be loaded: UnsatisfiedLinkError"))).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("mode", "lexical only")
			.containsEntry("reason", "the embedding model could not be loaded: UnsatisfiedLinkError");
	}

	@Test
	void withTheModelSearchIsHybrid() {
		SentenceEmbeddings.Loaded loaded = SentenceEmbeddings.load(java.nio.file.Path.of("target/test-embeddings"));

		var health = new SemanticHealthIndicator(loaded).health();

		assertThat(health.getDetails()).containsEntry("mode", "hybrid (lexical and semantic)")
			.containsEntry("model", loaded.embeddings().model());
	}

	@Test
	void aModelThatCannotLoadLeavesLexicalSearchWorking() {
		SentenceEmbeddings.Loaded off = new SentenceEmbeddings.Loaded(Embeddings.NONE, Optional.of("turned off"));

		assertThat(off.embeddings().enabled()).isFalse();
		assertThat(off.embeddings().query("anything")).isEmpty();
		assertThat(off.embeddings().passages("hash", java.util.List.of("a passage"))).isEmpty();
	}
}
