package uk.interop.kb.cli;

import java.io.PrintStream;

/** A one-line console progress bar, redrawn in place with a carriage return. */
final class ProgressBar {
	private static final int WIDTH = 40;
	private final PrintStream out;
	private final int total;
	private int lastDrawn = -1;

	ProgressBar(PrintStream out, int total) {
		this.out = out;
		this.total = Math.max(total, 1);
	}

	void update(int done) {
		int filled = (int) ((long) Math.min(done, total) * WIDTH / total);
		if (filled == lastDrawn && done != total) {
			return;
		}
		lastDrawn = filled;
		out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " files");
		out.flush();
	}

	void finish() {
		out.println();
	}
}
