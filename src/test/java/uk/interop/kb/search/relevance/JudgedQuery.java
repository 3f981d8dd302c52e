package uk.interop.kb.search.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One query of the judged set ({@code src/test/resources/relevance/judgments.yml}): what a forum member
 * typed, its category, graded judgments (3 exactly what was asked for, 2 clearly relevant, 1 marginal;
 * unlisted documents are 0) and, for some, the one document that must be in the top three.
 */
public record JudgedQuery(String id, String category, String query, Optional<String> top3,
		Map<String, Integer> grades) {

	public static final Path FILE = Path.of("src/test/resources/relevance/judgments.yml");

	/** Grade 2 or more: what precision, recall and MRR count as relevant. */
	public static final int RELEVANT = 2;

	public JudgedQuery {
		grades = Map.copyOf(grades);
	}

	public int grade(String documentId) {
		return grades.getOrDefault(documentId, 0);
	}

	public long relevantCount() {
		return grades.values().stream().filter(g -> g >= RELEVANT).count();
	}

	@SuppressWarnings("unchecked")
	public static List<JudgedQuery> load(Path file) {
		String text;
		try {
			text = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Map<String, Object>> rows = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		List<JudgedQuery> queries = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			Map<String, Integer> grades = new LinkedHashMap<>();
			((Map<String, Object>) row.get("judgments")).forEach((id, grade) -> grades.put(id, (Integer) grade));
			queries.add(new JudgedQuery((String) row.get("id"), (String) row.get("category"),
					String.valueOf(row.get("query")), Optional.ofNullable((String) row.get("top3")), grades));
		}
		return queries;
	}

	public static List<JudgedQuery> load() {
		return load(FILE);
	}
}
