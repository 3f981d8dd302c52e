package uk.interop.kb.search.index;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code semantic} in health: which retrieval mode search runs in. Always UP (lexical search serves
 * without it), with the reason when semantic retrieval is off, so an operator can see it at once.
 */
class SemanticHealthIndicator implements HealthIndicator {

	private final SentenceEmbeddings.Loaded embeddings;

	SemanticHealthIndicator(SentenceEmbeddings.Loaded embeddings) {
		this.embeddings = embeddings;
	}

	@Override
	public Health health() {
		return embeddings.problem()
			.map(problem -> Health.up().withDetail("mode", "lexical only").withDetail("reason", problem).build())
			.orElseGet(() -> Health.up().withDetail("mode", "hybrid (lexical and semantic)")
				.withDetail("model", embeddings.embeddings().model()).build());
	}
}
