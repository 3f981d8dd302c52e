package uk.interop.kb.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a folder, for tests of a full disk: fill it, check, free it. Mounting needs
 * root, which CI and the development machines have; where it cannot be mounted the test is skipped
 * with the reason, except on CI, where it fails.
 */
public final class Tmpfs implements AutoCloseable {

	private final Path dir;

	private Tmpfs(Path dir) {
		this.dir = dir;
	}

	public static Tmpfs mount(Path dir, int megabytes) {
		try {
			Files.createDirectories(dir);
			String output = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs",
					dir.toAbsolutePath().toString()));
			if (output != null) {
				if (System.getenv("CI") != null) {
					throw new IllegalStateException("CI must be able to mount a tmpfs (it runs as root): " + output);
				}
				Assumptions.abort("Cannot mount a tmpfs here, so the full-disk test cannot run: " + output);
			}
			return new Tmpfs(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path dir() {
		return dir;
	}

	/** Writes a filler file until the disk refuses; returns it. */
	public Path fill() {
		Path filler = dir.resolve("filler-" + System.nanoTime());
		byte[] block = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(filler)) {
			while (true) {
				out.write(block);
			}
		}
		catch (IOException full) {
			// No space left on device: that was the point.
		}
		return filler;
	}

	public long free() {
		try {
			return Files.getFileStore(dir).getUsableSpace();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			run(List.of("umount", "-l", dir.toAbsolutePath().toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Null when the command worked, else what it said. */
	private static String run(List<String> command) throws IOException {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return String.join(" ", command) + " did not finish";
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return process.exitValue() == 0 ? null : String.join(" ", command) + ": " + output;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}
}
