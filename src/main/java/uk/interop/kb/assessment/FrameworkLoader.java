package uk.interop.kb.assessment;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.content.ContentProblem.Severity;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * Reads the assessment frameworks in {@code content/assessments/*.yml}. Every problem is a
 * {@link ContentProblem} with the line it is on, as for Markdown files: an unknown key is a warning;
 * anything else is an error that keeps the framework out (it is not offered, so nobody answers a half-read
 * one), and {@code validate} fails.
 */
public final class FrameworkLoader {

	public static final String FOLDER = "assessments";
	public static final int STEPS = 5;
	public static final int MAX_INDICATORS_PER_LEVEL = 8;
	static final int MAX_TITLE = 200;
	static final int MAX_INDICATOR_TITLE = 120;
	static final int MAX_QUESTION = 300;
	static final int MAX_STEP = 400;
	static final int MAX_GUIDANCE = 1000;
	static final int MAX_SUMMARY = 600;
	static final int MAX_SOURCE = 1000;
	static final int MAX_SEARCH = 256;
	private static final long MAX_FILE_BYTES = 256 * 1024;

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
	private static final Pattern VERSION = Pattern.compile("\\d{1,3}\\.\\d{1,3}");
	private static final Pattern SECTION = Pattern.compile("([a-z0-9][a-z0-9/-]{0,199})#([a-z0-9][a-z0-9-]{0,99})");
	private static final Set<String> TOP_KEYS = Set.of("id", "version", "title", "scope", "proposal", "summary",
			"notice", "source", "scale", "levels");
	private static final Set<String> SCALE_KEYS = Set.of("name", "source", "steps");
	private static final Set<String> STEP_KEYS = Set.of("id", "label", "meaning");
	private static final Set<String> LEVEL_KEYS = Set.of("level", "indicators");
	private static final Set<String> INDICATOR_KEYS = Set.of("id", "title", "question", "guidance", "themes",
			"barriers", "search", "handbook", "steps");

	private final Taxonomy taxonomy;
	private final Function<String, Optional<List<String>>> headings;

	/**
	 * @param headings a document id's level-2 heading anchors, or empty if there is no such document: handbook
	 *        sections an indicator names must exist
	 */
	public FrameworkLoader(Taxonomy taxonomy, Function<String, Optional<List<String>>> headings) {
		this.taxonomy = taxonomy;
		this.headings = headings;
	}

	/** The frameworks that loaded, and every problem found. */
	public record Loaded(List<Framework> frameworks, List<ContentProblem> problems) {
		public Loaded {
			frameworks = List.copyOf(frameworks);
			problems = List.copyOf(problems);
		}
	}

	/** Every {@code .yml} file in {@code contentDir/assessments}, in name order; none when the folder is absent. */
	public Loaded load(Path contentDir) {
		Path folder = contentDir.resolve(FOLDER);
		if (!Files.isDirectory(folder)) {
			return new Loaded(List.of(), List.of());
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".yml"))
				.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder, ex);
		}
		List<Framework> frameworks = new ArrayList<>();
		List<ContentProblem> problems = new ArrayList<>();
		for (Path file : files) {
			String relative = FOLDER + "/" + file.getFileName();
			try {
				if (Files.size(file) > MAX_FILE_BYTES) {
					problems.add(new ContentProblem(relative, 1, "file", "is larger than " + MAX_FILE_BYTES
							+ " bytes (framework not loaded)", Severity.ERROR));
					continue;
				}
				parse(relative, Files.readString(file, StandardCharsets.UTF_8), problems).ifPresent(frameworks::add);
			}
			catch (IOException ex) {
				problems.add(new ContentProblem(relative, 1, "file", "cannot be read as UTF-8 text (framework not "
						+ "loaded)", Severity.ERROR));
			}
		}
		return new Loaded(frameworks, problems);
	}

	/** One file's text; empty (with the reasons in {@code problems}) when it cannot be offered. */
	Optional<Framework> parse(String path, String text, List<ContentProblem> problems) {
		return new FileReader(path, problems).read(text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

	/** Reads one file; {@code failed} records whether anything kept the framework out. */
	private final class FileReader {
		private final String path;
		private final List<ContentProblem> problems;
		private boolean failed;

		FileReader(String path, List<ContentProblem> problems) {
			this.path = path;
			this.problems = problems;
		}

		Optional<Framework> read(String text) {
			Node root;
			try {
				LoaderOptions options = new LoaderOptions();
				options.setAllowDuplicateKeys(false);
				options.setMaxAliasesForCollections(10);
				options.setNestingDepthLimit(20);
				root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
			}
			catch (MarkedYAMLException ex) {
				Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
				fail(mark == null ? 1 : mark.getLine() + 1, "file", "not valid YAML: " + oneLine(ex.getProblem()));
				return Optional.empty();
			}
			catch (YAMLException ex) {
				fail(1, "file", "not valid YAML: " + oneLine(ex.getMessage()));
				return Optional.empty();
			}
			if (!(root instanceof MappingNode)) {
				fail(1, "file", "must be a mapping with id, version, title, scope, scale and levels");
				return Optional.empty();
			}
			Map<String, NodeTuple> top = fields(root, "", TOP_KEYS);
			String expectedId = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(?i)\\.yml$", "");
			String id = text(top, "id", "", 64, true, root);
			if (!id.isEmpty() && !id.equals(expectedId)) {
				fail(top.get("id").getValueNode(), "id", "must be '" + expectedId + "', the file's name");
			}
			String version = text(top, "version", "", 7, true, root);
			if (!version.isEmpty() && !VERSION.matcher(version).matches()) {
				fail(top.get("version").getValueNode(), "version", "must be MAJOR.MINOR, like \"1.0\" (in quotes)");
			}
			String title = text(top, "title", "", MAX_TITLE, true, root);
			String scope = text(top, "scope", "", MAX_TITLE, true, root);
			boolean proposal = bool(top, "proposal");
			String summary = text(top, "summary", "", MAX_SUMMARY, true, root);
			String notice = text(top, "notice", "", MAX_SUMMARY, proposal, root);
			String source = text(top, "source", "", MAX_SOURCE, true, root);
			Framework.Scale scale = scale(top.get("scale"), root);
			List<Framework.Level> levels = levels(top.get("levels"), root);
			if (failed) {
				return Optional.empty();
			}
			return Optional.of(new Framework(id, version, title, scope, proposal, summary, notice, source, scale,
					levels));
		}

		private Framework.Scale scale(NodeTuple tuple, Node parent) {
			if (tuple == null) {
				fail(parent, "scale", "missing: name the recognised five-step scale and describe its steps");
				return null;
			}
			Map<String, NodeTuple> scale = fields(tuple.getValueNode(), "scale", SCALE_KEYS);
			String name = text(scale, "name", "scale.", MAX_TITLE, true, tuple.getValueNode());
			String source = text(scale, "source", "scale.", MAX_SOURCE, true, tuple.getValueNode());
			List<Node> items = sequence(scale.get("steps"), "scale.steps", tuple.getValueNode());
			if (items.size() != STEPS && scale.containsKey("steps")) {
				fail(scale.get("steps").getValueNode(), "scale.steps", "must list exactly " + STEPS + " steps, found "
						+ items.size());
			}
			List<Framework.Step> steps = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (int i = 0; i < items.size(); i++) {
				String field = "scale.steps[" + (i + 1) + "]";
				Map<String, NodeTuple> step = fields(items.get(i), field, STEP_KEYS);
				String stepId = text(step, "id", field + ".", 64, true, items.get(i));
				if (!stepId.isEmpty() && (!ID.matcher(stepId).matches() || !ids.add(stepId))) {
					fail(step.get("id").getValueNode(), field + ".id", "'" + stepId
							+ "' must be a new lower-case id (letters, digits, hyphens)");
				}
				steps.add(new Framework.Step(i + 1, stepId, text(step, "label", field + ".", 60, true, items.get(i)),
						text(step, "meaning", field + ".", MAX_STEP, true, items.get(i))));
			}
			return new Framework.Scale(name, source, steps);
		}

		private List<Framework.Level> levels(NodeTuple tuple, Node parent) {
			List<Node> items = sequence(tuple, "levels", parent);
			Vocabulary vocabulary = taxonomy.levels();
			List<Framework.Level> levels = new ArrayList<>();
			Set<String> seenLevels = new HashSet<>();
			Set<String> seenIndicators = new HashSet<>();
			for (int i = 0; i < items.size(); i++) {
				String field = "levels[" + (i + 1) + "]";
				Map<String, NodeTuple> level = fields(items.get(i), field, LEVEL_KEYS);
				String levelId = text(level, "level", field + ".", 64, true, items.get(i));
				if (!levelId.isEmpty() && !vocabulary.contains(levelId)) {
					fail(level.get("level").getValueNode(), field + ".level", "unknown value '" + levelId
							+ "' (not in levels.yml)");
				}
				else if (!levelId.isEmpty() && !seenLevels.add(levelId)) {
					fail(level.get("level").getValueNode(), field + ".level", "'" + levelId + "' appears twice");
				}
				String where = levelId.isEmpty() ? field : "levels[" + levelId + "]";
				List<Node> indicatorNodes = sequence(level.get("indicators"), where + ".indicators", items.get(i));
				if (level.containsKey("indicators") && (indicatorNodes.isEmpty()
						|| indicatorNodes.size() > MAX_INDICATORS_PER_LEVEL)) {
					fail(level.get("indicators").getValueNode(), where + ".indicators", "must list 1 to "
							+ MAX_INDICATORS_PER_LEVEL + " indicators, found " + indicatorNodes.size());
				}
				List<Framework.Indicator> indicators = new ArrayList<>();
				for (int j = 0; j < indicatorNodes.size(); j++) {
					indicators.add(indicator(indicatorNodes.get(j), where + ".indicators[" + (j + 1) + "]", levelId,
							seenIndicators));
				}
				levels.add(new Framework.Level(levelId, indicators));
			}
			if (tuple != null) {
				List<String> missing = vocabulary.concepts().stream().map(c -> c.id())
					.filter(l -> !seenLevels.contains(l)).toList();
				if (!missing.isEmpty()) {
					fail(tuple.getKeyNode(), "levels", "must cover all four levels; missing " + String.join(", ",
							missing));
				}
			}
			return levels;
		}

		private Framework.Indicator indicator(Node node, String field, String level, Set<String> seen) {
			Map<String, NodeTuple> map = fields(node, field, INDICATOR_KEYS);
			String id = text(map, "id", field + ".", 64, true, node);
			if (!id.isEmpty() && !ID.matcher(id).matches()) {
				fail(map.get("id").getValueNode(), field + ".id", "'" + id
						+ "' must be lower-case letters, digits and hyphens");
			}
			else if (!id.isEmpty() && !seen.add(id)) {
				fail(map.get("id").getValueNode(), field + ".id", "'" + id + "' is used by another indicator");
			}
			String where = id.isEmpty() ? field : "indicator " + id;
			String title = text(map, "title", where + ".", MAX_INDICATOR_TITLE, true, node);
			String question = text(map, "question", where + ".", MAX_QUESTION, true, node);
			String guidance = text(map, "guidance", where + ".", MAX_GUIDANCE, false, node);
			List<String> themes = controlled(map, "themes", where, Taxonomy.THEMES, true, node);
			List<String> barriers = controlled(map, "barriers", where, Taxonomy.BARRIERS, false, node);
			String search = text(map, "search", where + ".", MAX_SEARCH, true, node);
			List<String> handbook = sections(map.get("handbook"), where + ".handbook");
			List<Node> stepNodes = sequence(map.get("steps"), where + ".steps", node);
			if (map.containsKey("steps") && stepNodes.size() != STEPS) {
				fail(map.get("steps").getValueNode(), where + ".steps", "must describe exactly " + STEPS
						+ " steps, one for each step of the scale, found " + stepNodes.size());
			}
			List<String> steps = new ArrayList<>();
			for (int i = 0; i < stepNodes.size(); i++) {
				steps.add(scalarText(stepNodes.get(i), where + ".steps[" + (i + 1) + "]", MAX_STEP, true));
			}
			return new Framework.Indicator(id, level, title, question, guidance, themes, barriers, search, handbook,
					steps);
		}

		private List<String> sections(NodeTuple tuple, String field) {
			if (tuple == null) {
				return List.of();
			}
			List<String> sections = new ArrayList<>();
			for (Node item : sequence(tuple, field, tuple.getKeyNode())) {
				String value = scalarText(item, field, 300, true);
				var matcher = SECTION.matcher(value);
				if (value.isEmpty()) {
					continue;
				}
				if (!matcher.matches()) {
					fail(item, field, "'" + value + "' must be a document id and a heading anchor, like "
							+ "handbook/semantic#how-to-recognise-where-you-stand");
					continue;
				}
				Optional<List<String>> anchors = headings.apply(matcher.group(1));
				if (anchors.isEmpty()) {
					fail(item, field, "no document '" + matcher.group(1) + "'");
				}
				else if (!anchors.get().contains(matcher.group(2))) {
					fail(item, field, "'" + matcher.group(1) + "' has no heading '#" + matcher.group(2) + "'");
				}
				else {
					sections.add(value);
				}
			}
			return sections;
		}

		private List<String> controlled(Map<String, NodeTuple> map, String key, String where, String vocabularyId,
				boolean required, Node parent) {
			String field = where + "." + key;
			NodeTuple tuple = map.get(key);
			if (tuple == null) {
				if (required) {
					fail(parent, field, "missing: list at least one id from " + vocabularyId + ".yml");
				}
				return List.of();
			}
			Vocabulary vocabulary = taxonomy.vocabulary(vocabularyId);
			List<String> values = new ArrayList<>();
			for (Node item : sequence(tuple, field, parent)) {
				String value = scalarText(item, field, 64, true);
				if (value.isEmpty()) {
					continue;
				}
				if (!vocabulary.contains(value)) {
					fail(item, field, "unknown value '" + value + "' (not in " + vocabularyId + ".yml)");
				}
				else if (!values.contains(value)) {
					values.add(value);
				}
			}
			if (required && values.isEmpty() && !failed) {
				fail(tuple.getValueNode(), field, "list at least one id from " + vocabularyId + ".yml");
			}
			return values;
		}

		/** The keys of a mapping, with a warning for each unknown one. */
		private Map<String, NodeTuple> fields(Node node, String field, Set<String> known) {
			Map<String, NodeTuple> fields = new LinkedHashMap<>();
			if (!(node instanceof MappingNode mapping)) {
				fail(node, field.isEmpty() ? "file" : field, "must be a mapping of keys to values");
				return fields;
			}
			for (NodeTuple tuple : mapping.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
					fail(tuple.getKeyNode(), field.isEmpty() ? "file" : field, "a key must be plain text");
					continue;
				}
				if (!known.contains(key.getValue())) {
					warn(tuple.getKeyNode(), (field.isEmpty() ? "" : field + ".") + key.getValue(),
							"unknown key, ignored");
					continue;
				}
				fields.put(key.getValue(), tuple);
			}
			return fields;
		}

		private List<Node> sequence(NodeTuple tuple, String field, Node parent) {
			if (tuple == null) {
				fail(parent, field, "missing");
				return List.of();
			}
			if (tuple.getValueNode() instanceof SequenceNode sequence) {
				return sequence.getValue();
			}
			if (tuple.getValueNode() instanceof ScalarNode) {
				return List.of(tuple.getValueNode());
			}
			fail(tuple.getValueNode(), field, "must be a list");
			return List.of();
		}

		private String text(Map<String, NodeTuple> map, String key, String prefix, int max, boolean required,
				Node parent) {
			NodeTuple tuple = map.get(key);
			if (tuple == null) {
				if (required) {
					fail(parent, prefix + key, "missing");
				}
				return "";
			}
			return scalarText(tuple.getValueNode(), prefix + key, max, required);
		}

		private String scalarText(Node node, String field, int max, boolean required) {
			if (!(node instanceof ScalarNode scalar)) {
				fail(node, field, "must be a single value, not a list or mapping");
				return "";
			}
			String value = isNull(scalar) ? "" : scalar.getValue().strip().replaceAll("\\s+", " ");
			if (value.isEmpty() && required) {
				fail(node, field, "must not be empty");
			}
			if (value.length() > max) {
				fail(node, field, "longer than " + max + " characters");
				return value.substring(0, max);
			}
			return value;
		}

		private boolean bool(Map<String, NodeTuple> map, String key) {
			NodeTuple tuple = map.get(key);
			if (tuple == null) {
				return false;
			}
			String value = scalarText(tuple.getValueNode(), key, 10, true).toLowerCase(Locale.ROOT);
			if (!value.equals("true") && !value.equals("false")) {
				fail(tuple.getValueNode(), key, "must be true or false");
			}
			return value.equals("true");
		}

		private void fail(Node node, String field, String message) {
			fail(line(node), field, message);
		}

		private void fail(int line, String field, String message) {
			failed = true;
			problems.add(new ContentProblem(path, line, field, message + " (framework not loaded)", Severity.ERROR));
		}

		private void warn(Node node, String field, String message) {
			problems.add(new ContentProblem(path, line(node), field, message, Severity.WARNING));
		}
	}

	private static int line(Node node) {
		return node == null || node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
	}

	private static boolean isNull(ScalarNode scalar) {
		return scalar.getTag().getValue().endsWith(":null");
	}

	private static String oneLine(String message) {
		return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable").strip();
	}
}
