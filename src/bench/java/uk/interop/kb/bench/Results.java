package uk.interop.kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure measured, printed as a table as it comes and written as JSON and CSV at the end. */
final class Results {

	/** One figure. {@code target} is the target for this size, empty when there is none. */
	record Row(int size, String section, String metric, double value, String unit, String target, String verdict) {
	}

	private final List<Row> rows = new ArrayList<>();
	private final Map<String, String> machine = new LinkedHashMap<>();

	void machine(String key, String value) {
		machine.put(key, value);
		System.out.printf("  %-22s %s%n", key, value);
	}

	void add(int size, String section, String metric, double value, String unit) {
		add(size, section, metric, value, unit, "", "");
	}

	/** A figure with a target: {@code atMost} says which way the target points. */
	void add(int size, String section, String metric, double value, String unit, Double target, boolean atMost) {
		if (target == null) {
			add(size, section, metric, value, unit);
			return;
		}
		boolean met = atMost ? value <= target : value >= target;
		add(size, section, metric, value, unit, (atMost ? "<= " : ">= ") + format(target), met ? "met" : "MISSED");
	}

	private synchronized void add(int size, String section, String metric, double value, String unit, String target,
			String verdict) {
		Row row = new Row(size, section, metric, value, unit, target, verdict);
		rows.add(row);
		System.out.printf("  %8d  %-12s %-52s %12s %-7s %-10s %s%n", size, section, metric, format(value), unit, target,
				verdict);
		System.out.flush();
	}

	void header(String title) {
		System.out.println();
		System.out.println("== " + title);
		System.out.printf("  %8s  %-12s %-52s %12s %-7s %-10s %s%n", "docs", "section", "metric", "value", "unit",
				"target", "");
	}

	void write(Path dir) {
		try {
			Files.createDirectories(dir);
			StringBuilder csv = new StringBuilder("size,section,metric,value,unit,target,verdict\n");
			for (Row r : rows) {
				csv.append(r.size()).append(',').append(csv(r.section())).append(',').append(csv(r.metric())).append(',')
					.append(format(r.value())).append(',').append(csv(r.unit())).append(',').append(csv(r.target()))
					.append(',').append(r.verdict()).append('\n');
			}
			Files.writeString(dir.resolve("results.csv"), csv);
			StringBuilder json = new StringBuilder("{\n  \"machine\": {");
			String sep = "\n";
			for (var e : machine.entrySet()) {
				json.append(sep).append("    ").append(json(e.getKey())).append(": ").append(json(e.getValue()));
				sep = ",\n";
			}
			json.append("\n  },\n  \"results\": [");
			sep = "\n";
			for (Row r : rows) {
				json.append(sep).append("    {\"size\": ").append(r.size()).append(", \"section\": ")
					.append(json(r.section())).append(", \"metric\": ").append(json(r.metric())).append(", \"value\": ")
					.append(Double.isFinite(r.value()) ? format(r.value()) : "null").append(", \"unit\": ")
					.append(json(r.unit())).append(", \"target\": ").append(json(r.target())).append(", \"verdict\": ")
					.append(json(r.verdict())).append('}');
				sep = ",\n";
			}
			json.append("\n  ]\n}\n");
			Files.writeString(dir.resolve("results.json"), json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String format(double value) {
		if (!Double.isFinite(value)) {
			return "n/a";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e12) {
			return Long.toString((long) value);
		}
		return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
				: Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value)
						: String.format(Locale.ROOT, "%.2f", value);
	}

	private static String csv(String value) {
		return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static String json(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}
}
