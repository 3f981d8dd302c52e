package uk.interop.kb.taxonomy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import uk.interop.kb.shared.Sha256;

/**
 * Reads {@code content/taxonomy/*.yml} and {@code synonyms.txt}. A broken taxonomy is a
 * configuration error: loading fails with a message naming the file, so the app does not
 * start with facets that silently mean nothing.
 */
public final class TaxonomyLoader {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
	private static final Set<String> CORE_KEYS = Set.of("id", "label", "altLabels", "definition", "scopeNote",
			"broader");

	public Taxonomy load(Path taxonomyDir) {
		if (!Files.isDirectory(taxonomyDir)) {
			throw new TaxonomyException("Taxonomy folder not found: " + taxonomyDir.toAbsolutePath());
		}
		MessageDigest digest = Sha256.digest();
		Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
		for (String id : Taxonomy.REQUIRED) {
			Path file = taxonomyDir.resolve(id + ".yml");
			if (!Files.isRegularFile(file)) {
				throw new TaxonomyException("Missing taxonomy file: " + file);
			}
			byte[] bytes = read(file);
			digest.update(bytes);
			vocabularies.put(id, parse(file, new String(bytes, StandardCharsets.UTF_8)));
		}
		Path synonymsFile = taxonomyDir.resolve("synonyms.txt");
		String synonyms = Files.isRegularFile(synonymsFile) ? new String(read(synonymsFile), StandardCharsets.UTF_8)
				: "";
		digest.update(synonyms.getBytes(StandardCharsets.UTF_8));
		return new Taxonomy(vocabularies, synonyms, Sha256.hex(digest));
	}

	Vocabulary parse(Path file, String yamlText) {
		Object root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(10);
			root = new Yaml(new SafeConstructor(options)).load(yamlText);
		}
		catch (YAMLException ex) {
			throw new TaxonomyException(file + ": not valid YAML: " + firstLine(ex.getMessage()), ex);
		}
		if (!(root instanceof Map<?, ?> map)) {
			throw new TaxonomyException(file + ": expected a mapping with id, label and concepts");
		}
		String id = text(map.get("id"));
		String expected = file.getFileName().toString().replaceFirst("\\.yml$", "");
		if (!expected.equals(id)) {
			throw new TaxonomyException(file + ": id must be '" + expected + "', found '" + id + "'");
		}
		if (!(map.get("concepts") instanceof List<?> items) || items.isEmpty()) {
			throw new TaxonomyException(file + ": concepts must be a non-empty list");
		}
		List<Concept> concepts = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Object item : items) {
			Concept concept = concept(file, item);
			if (!seen.add(concept.id())) {
				throw new TaxonomyException(file + ": duplicate concept id '" + concept.id() + "'");
			}
			concepts.add(concept);
		}
		for (Concept concept : concepts) {
			if (!concept.broader().isEmpty() && !seen.contains(concept.broader())) {
				throw new TaxonomyException(file + ": concept '" + concept.id() + "' has unknown broader '"
						+ concept.broader() + "'");
			}
		}
		return new Vocabulary(id, orDefault(text(map.get("label")), id), text(map.get("description")),
				Boolean.TRUE.equals(map.get("proposal")), concepts);
	}

	private Concept concept(Path file, Object item) {
		if (!(item instanceof Map<?, ?> map)) {
			throw new TaxonomyException(file + ": each concept must be a mapping");
		}
		String id = text(map.get("id"));
		if (!ID.matcher(id).matches()) {
			throw new TaxonomyException(file + ": concept id '" + id
					+ "' must be lower-case letters, digits and hyphens");
		}
		String label = text(map.get("label"));
		if (label.isEmpty()) {
			throw new TaxonomyException(file + ": concept '" + id + "' has no label");
		}
		List<String> altLabels = map.get("altLabels") instanceof List<?> list
				? list.stream().map(TaxonomyLoader::text).filter(s -> !s.isEmpty()).toList() : List.of();
		Map<String, Object> extra = new LinkedHashMap<>();
		map.forEach((key, value) -> {
			if (!CORE_KEYS.contains(String.valueOf(key)) && value != null) {
				extra.put(String.valueOf(key), value instanceof List<?> l ? l.stream().map(TaxonomyLoader::text).toList()
						: text(value));
			}
		});
		return new Concept(id, label, altLabels, text(map.get("definition")), text(map.get("scopeNote")),
				text(map.get("broader")), extra);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString().strip();
	}

	private static String orDefault(String value, String fallback) {
		return value.isEmpty() ? fallback : value;
	}

	private static String firstLine(String message) {
		return message == null ? "" : message.lines().findFirst().orElse("");
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new TaxonomyException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

}
