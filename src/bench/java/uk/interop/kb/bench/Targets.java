package uk.interop.kb.bench;

/** The targets for a 2-core, 24 GiB machine, by corpus size; null where none is set. */
final class Targets {

	static final Double OVERHEAD = 1.3;

	private Targets() {
	}

	private static Double bySize(int size, double small, double medium, double large) {
		return switch (size) {
			case 10_000 -> small;
			case 100_000 -> medium;
			case 1_000_000 -> large;
			default -> null;
		};
	}

	static Double p50(int size) {
		return bySize(size, 2, 4, 20);
	}

	static Double p99(int size) {
		return bySize(size, 8, 15, 60);
	}

	static Double httpJson8(int size) {
		return bySize(size, 1200, 400, 100);
	}

	/** The app's CPU per JSON request beyond the in-process search itself, in milliseconds. */
	static Double beyondSearch(int size) {
		return bySize(size, 0.4, 0.4, 0.4);
	}

	static Double versusPeer(int size) {
		return bySize(size, 3, 5, 5);
	}

	static Double build(int size) {
		return bySize(size, 3000, 3000, 2000);
	}

	static Double startup(int size) {
		return bySize(size, 4000, 5000, 8000);
	}

	static Double publish(int size) {
		return bySize(size, 250, 250, 500);
	}

	static Double heapMb(int size) {
		return bySize(size, 256, 512, 1536);
	}
}
