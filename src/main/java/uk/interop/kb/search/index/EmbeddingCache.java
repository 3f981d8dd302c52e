package uk.interop.kb.search.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.interop.kb.shared.Sha256;

/**
 * Passage vectors on disk, one file per document version (named by a hash of the model and the
 * document's content hash), so a start-up sync or a rebuild does not embed unchanged documents
 * again. Derived: safe to delete at any time. A file is written to a temporary name and moved into
 * place, so a crash leaves either the whole file or none; an unreadable file is simply recomputed.
 */
final class EmbeddingCache {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
	private static final int MAGIC = 0x4b42_5631;

	private final Path dir;
	private final String model;

	EmbeddingCache(Path dir, String model) {
		this.dir = dir;
		this.model = model;
	}

	Optional<List<float[]>> get(String contentHash, int expectedCount) {
		Path file = file(contentHash);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (InputStream stream = Files.newInputStream(file); DataInputStream in = new DataInputStream(stream)) {
			if (in.readInt() != MAGIC) {
				return Optional.empty();
			}
			int count = in.readInt();
			int dimensions = in.readInt();
			if (count != expectedCount || dimensions <= 0 || dimensions > 4096) {
				return Optional.empty();
			}
			List<float[]> vectors = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				float[] vector = new float[dimensions];
				for (int d = 0; d < dimensions; d++) {
					vector[d] = in.readFloat();
				}
				vectors.add(vector);
			}
			return Optional.of(vectors);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	void put(String contentHash, List<float[]> vectors) {
		if (vectors.isEmpty()) {
			return;
		}
		Path file = file(contentHash);
		try {
			Files.createDirectories(dir);
			Path temporary = Files.createTempFile(dir, "vectors", ".tmp");
			try (OutputStream stream = Files.newOutputStream(temporary);
					DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(stream))) {
				out.writeInt(MAGIC);
				out.writeInt(vectors.size());
				out.writeInt(vectors.get(0).length);
				for (float[] vector : vectors) {
					for (float value : vector) {
						out.writeFloat(value);
					}
				}
			}
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			// Only a cache: the vectors are in the index already, and can be worked out again.
			log.debug("Could not cache embeddings in {}: {}", dir, ex.getMessage());
		}
	}

	private Path file(String contentHash) {
		return dir.resolve(Sha256.hex(model + "\n" + contentHash).substring(0, 40) + ".vec");
	}
}
