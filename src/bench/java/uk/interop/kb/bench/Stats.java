package uk.interop.kb.bench;

import java.util.Arrays;
import java.util.List;

/** Latency percentiles of one run, in milliseconds; and the median of several runs' figures. */
record Stats(int count, double p50, double p95, double p99, double max, double mean) {

	static Stats ofNanos(long[] nanos) {
		if (nanos.length == 0) {
			return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double sum = 0;
		for (long n : sorted) {
			sum += n;
		}
		return new Stats(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
				ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]), sum / sorted.length / 1e6);
	}

	/** Nearest-rank percentile. */
	static long percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	/** Each figure is the median of that figure over the runs. */
	static Stats medianOf(List<Stats> runs) {
		return new Stats(runs.stream().mapToInt(Stats::count).sum(), median(runs, Stats::p50), median(runs, Stats::p95),
				median(runs, Stats::p99), median(runs, Stats::max), median(runs, Stats::mean));
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static double median(List<Stats> runs, java.util.function.ToDoubleFunction<Stats> figure) {
		return median(runs.stream().mapToDouble(figure).toArray());
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}
}
