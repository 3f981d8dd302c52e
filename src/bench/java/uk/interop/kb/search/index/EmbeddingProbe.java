package uk.interop.kb.search.index;

import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import uk.interop.kb.content.SourceDocument;

/**
 * What embedding costs, measured with no cache at all: the model the app loads, the passages the
 * index embeds ({@link Passages}), timed in wall clock and in the CPU of the whole process (the
 * ONNX runtime works on threads of its own). Lives in this package to reuse {@code Passages}.
 */
public final class EmbeddingProbe {

	/** Totals over a sample: documents, passages, and the time and process CPU that embedding them took. */
	public record Cost(int documents, int passages, double wallMillis, double cpuMillis) {
	}

	private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

	public interface CpuClock {
		long nanos();
	}

	/** Embeds every passage of the sample, as an index build with a cold cache would. */
	public Cost passages(List<SourceDocument> sample, CpuClock cpu) {
		model.embed("warm-up");
		int passages = 0;
		long c0 = cpu.nanos();
		long t0 = System.nanoTime();
		for (SourceDocument source : sample) {
			List<String> texts = Passages.of(source.document(), source.rendered().plainText());
			passages += model.embedAll(texts.stream().map(TextSegment::from).toList()).content().size();
		}
		return new Cost(sample.size(), passages, (System.nanoTime() - t0) / 1e6, (cpu.nanos() - c0) / 1e6);
	}

	/** Embeds each query once, as the first search for a new query text does. */
	public Cost queries(List<String> queries, CpuClock cpu) {
		model.embed("warm-up");
		long c0 = cpu.nanos();
		long t0 = System.nanoTime();
		queries.forEach(model::embed);
		return new Cost(queries.size(), queries.size(), (System.nanoTime() - t0) / 1e6, (cpu.nanos() - c0) / 1e6);
	}
}
