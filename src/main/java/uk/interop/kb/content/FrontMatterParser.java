package uk.interop.kb.content;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import uk.interop.kb.content.ContentProblem.Severity;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.Vocabulary;

/**
 * Turns one Markdown file's text into a {@link Document}. Tolerant of what other tools write
 * (BOMs, CRLF, extra keys, comments, no front matter, template tags): every oddity becomes a
 * {@link ContentProblem} with a line number, never an exception.
 */
public final class FrontMatterParser {

	public static final int MAX_TITLE = 200;
	public static final int MAX_SUMMARY = 600;
	public static final int MAX_LIST = 20;

	private static final Map<String, String> TYPE_BY_FOLDER = Map.of("handbook", "handbook-chapter", "forum",
			"forum-writeup", "lessons", "lesson", "case-studies", "case-study", "problem-book", "problem-book-entry");
	private static final Pattern DECLARED_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}(/[a-z0-9][a-z0-9-]{0,99}){0,3}");
	private static final Set<String> KNOWN_KEYS = Set.of("id", "title", "type", "summary", "levels", "themes",
			"organisations", "sector", "outcome", "barriers", "published", "authors", "visibility", "source",
			"illustrative", "reference", "status", "source-type", "source-date", "updated", "review-by");
	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);
	private static final Pattern TEMPLATE_TAG = Pattern.compile("<%.*?%>|\\{\\{.*?}}|\\{%.*?%}");
	private static final Pattern REFERENCE = Pattern.compile("PB-\\d{3,4}");
	/** A run of anything else, hyphens included, becomes one hyphen: no id has two in a row. */
	private static final Pattern NOT_ID_CHARACTERS = Pattern.compile("[^a-z0-9/]+");
	private static final Pattern EDGE_HYPHEN = Pattern.compile("(^|/)-|-($|/)");
	private static final Set<String> STATUSES = Set.of("proposed", "under-review", "agreed");

	private final Taxonomy taxonomy;

	public FrontMatterParser(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	/**
	 * @param path the file's path below the content folder, with forward slashes
	 * @param text the file's text, as read
	 * @param lastModified used for {@code published} when the file has none
	 */
	public ParsedFile parse(String path, String text, LocalDate lastModified) {
		Problems problems = new Problems(path);
		String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
		if (normalised.startsWith("\uFEFF")) {
			normalised = normalised.substring(1);
		}
		String id = slug(path, problems);
		Split split = split(normalised, problems);
		if (split == null) {
			return new ParsedFile(Optional.empty(), "", problems.list);
		}
		Map<String, Field> fields = new java.util.LinkedHashMap<>();
		if (split.yaml != null) {
			YamlOutcome outcome = readYaml(split.yaml, fields, problems);
			if (outcome == YamlOutcome.INVALID) {
				return new ParsedFile(Optional.empty(), split.body, problems.list);
			}
			if (outcome == YamlOutcome.NOT_A_MAPPING) {
				problems.warn(1, "front matter", "the opening --- block is not 'key: value' lines; read as body text");
				split = new Split(null, normalised, 1);
			}
		}
		if (split.yaml == null) {
			problems.warn(1, "front matter", "none found; metadata falls back to the body and the folder");
		}
		for (Field field : fields.values()) {
			if (!KNOWN_KEYS.contains(field.key)) {
				problems.warn(field.line, field.key, "unknown key, ignored");
			}
		}
		return new DocumentBuilder(declaredId(fields, problems).orElse(id), path, split.body, fields, problems,
				lastModified).build();
	}

	/** A document's id: its path below the content folder, without {@code .md}, as a URL-safe slug. */
	public static String idFor(String path) {
		String withoutExtension = withoutMarkdownExtension(path);
		// Almost every path is already an id; the start-up listing asks this once per file, so the
		// common case skips the regular expressions (which give the same answer for it).
		if (isAlreadyId(withoutExtension)) {
			return withoutExtension;
		}
		String id = NOT_ID_CHARACTERS.matcher(withoutExtension.toLowerCase(Locale.ROOT)).replaceAll("-");
		return EDGE_HYPHEN.matcher(id).replaceAll("$1$2");
	}

	private static String withoutMarkdownExtension(String path) {
		int start = path.length() - 3;
		return start >= 0 && path.regionMatches(true, start, ".md", 0, 3) ? path.substring(0, start) : path;
	}

	/** Lower-case letters, digits, single hyphens and slashes, no hyphen at either end of a segment. */
	private static boolean isAlreadyId(String path) {
		char previous = '/';
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
			if (!letterOrDigit && c != '/' && c != '-') {
				return false;
			}
			if (c == '-' && (previous == '-' || previous == '/')) {
				return false;
			}
			if (c == '/' && previous == '-') {
				return false;
			}
			previous = c;
		}
		return previous != '-';
	}

	private String slug(String path, Problems problems) {
		String withoutExtension = withoutMarkdownExtension(path);
		String slug = idFor(path);
		if (!slug.equals(withoutExtension)) {
			problems.warn(1, "path", "file name is not lower-case letters, digits and hyphens; its id is '" + slug + "'");
		}
		return slug;
	}

	/**
	 * A document exported from the app keeps its id in front matter, so committing it into
	 * {@code content/} (anywhere) or importing it again updates the same document.
	 */
	private Optional<String> declaredId(Map<String, Field> fields, Problems problems) {
		Field field = fields.get("id");
		if (field == null || !(field.node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
			return Optional.empty();
		}
		String value = scalar.getValue().strip();
		if (!DECLARED_ID.matcher(value).matches()) {
			problems.error(field.line, "id", "must be lower-case words separated by hyphens and slashes, "
					+ "like contributions/my-lesson; the file's path is used instead");
			return Optional.empty();
		}
		return Optional.of(value);
	}

	private record Split(String yaml, String body, int bodyStartLine) {
	}

	private Split split(String text, Problems problems) {
		if (!(text.startsWith("---\n") || text.equals("---") || text.startsWith("--- \n"))) {
			return new Split(null, text, 1);
		}
		String[] lines = text.split("\n", -1);
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].stripTrailing();
			if (line.equals("---") || line.equals("...")) {
				String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
				String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
				return new Split(yaml, body, i + 2);
			}
		}
		problems.skip(1, "front matter", "starts with --- but has no closing --- line");
		return null;
	}

	private record Field(String key, int line, Node node) {
	}

	private enum YamlOutcome {
		OK, INVALID, NOT_A_MAPPING
	}

	private YamlOutcome readYaml(String yaml, Map<String, Field> fields, Problems problems) {
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(10);
			options.setNestingDepthLimit(20);
			options.setCodePointLimit(1024 * 1024);
			root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			int line = mark == null ? 1 : mark.getLine() + 2;
			problems.skip(line, "front matter", "not valid YAML: " + oneLine(ex.getProblem()));
			return YamlOutcome.INVALID;
		}
		catch (YAMLException ex) {
			problems.skip(1, "front matter", "not valid YAML: " + oneLine(ex.getMessage()));
			return YamlOutcome.INVALID;
		}
		if (root == null) {
			return YamlOutcome.OK;
		}
		if (!(root instanceof MappingNode mapping)) {
			return YamlOutcome.NOT_A_MAPPING;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
				problems.error(line(tuple.getKeyNode()), "front matter", "a key must be plain text; entry ignored");
				continue;
			}
			String key = keyNode.getValue();
			if (fields.containsKey(key)) {
				problems.error(line(keyNode), key, "appears twice; the first value is used");
				continue;
			}
			fields.put(key, new Field(key, line(keyNode), tuple.getValueNode()));
		}
		return YamlOutcome.OK;
	}

	private static int line(Node node) {
		return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 2;
	}

	private static String oneLine(String message) {
		return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable").strip();
	}

	/** Reads and checks one file's fields; all values go through here so every problem has a line. */
	private final class DocumentBuilder {
		private final String id;
		private final String path;
		private final String body;
		private final Map<String, Field> fields;
		private final Problems problems;
		private final LocalDate lastModified;

		DocumentBuilder(String id, String path, String body, Map<String, Field> fields, Problems problems,
				LocalDate lastModified) {
			this.id = id;
			this.path = path;
			this.body = body;
			this.fields = fields;
			this.problems = problems;
			this.lastModified = lastModified;
		}

		ParsedFile build() {
			String title = text("title", MAX_TITLE);
			if (title.isEmpty()) {
				title = firstHeading().orElseGet(this::titleFromFileName);
				problems.warn(1, "title", "missing; using '" + title + "'");
			}
			String type = controlled("type", Taxonomy.TYPES);
			if (type.isEmpty()) {
				String folder = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
				type = TYPE_BY_FOLDER.getOrDefault(folder, "");
				if (type.isEmpty()) {
					problems.skip(lineOf("type"), "type", "missing, and the folder '" + folder
							+ "' does not imply one");
					return new ParsedFile(Optional.empty(), body, problems.list);
				}
				problems.warn(lineOf("type"), "type", "missing; using '" + type + "' from the folder");
			}
			String summary = text("summary", MAX_SUMMARY);
			if (summary.isEmpty()) {
				summary = firstParagraph();
				problems.warn(lineOf("summary"), "summary", "missing; using the first paragraph");
			}
			List<String> levels = controlledList("levels", Taxonomy.LEVELS);
			List<String> themes = controlledList("themes", Taxonomy.THEMES);
			boolean classified = Set.of("lesson", "case-study", "problem-book-entry").contains(type);
			if (classified && levels.isEmpty() && !problems.mentions("levels")) {
				problems.warn(lineOf("levels"), "levels", "none given; a " + type + " should name at least one level");
			}
			if (classified && themes.isEmpty() && !problems.mentions("themes")) {
				problems.warn(lineOf("themes"), "themes", "none given; a " + type + " should name at least one theme");
			}
			String outcome = controlled("outcome", Taxonomy.OUTCOMES);
			Visibility visibility = visibility();
			String reference = text("reference", 20);
			if (!reference.isEmpty() && !REFERENCE.matcher(reference).matches()) {
				problems.error(lineOf("reference"), "reference", "must look like PB-001; value ignored");
				reference = "";
			}
			String status = text("status", 40);
			if (!status.isEmpty() && !STATUSES.contains(status)) {
				problems.error(lineOf("status"), "status", "unknown value '" + status + "' (expected one of "
						+ String.join(", ", new java.util.TreeSet<>(STATUSES)) + "); value ignored");
				status = "";
			}
			LocalDate published = published();
			Document document = new Document(id, title, type, summary, levels, themes,
					controlledList("organisations", Taxonomy.ORGANISATIONS), controlledList("sector", Taxonomy.SECTORS),
					outcome, controlledList("barriers", Taxonomy.BARRIERS), published, list("authors"), visibility,
					text("source", 1000), bool("illustrative"), reference, status,
					controlled("source-type", Taxonomy.SOURCE_TYPES), sourceDate(), updated(published),
					date("review-by", "2027-06-30").map(LocalDate::toString).orElse(""));
			return new ParsedFile(Optional.of(document), body, problems.list);
		}

		private int lineOf(String key) {
			Field field = fields.get(key);
			return field == null ? 1 : field.line;
		}

		private Optional<String> scalar(String key) {
			Field field = fields.get(key);
			if (field == null || isNull(field.node)) {
				return Optional.empty();
			}
			if (!(field.node instanceof ScalarNode scalar)) {
				problems.error(field.line, key, "must be a single value, not a list or mapping; value ignored");
				return Optional.empty();
			}
			return usable(key, field.line, scalar.getValue());
		}

		private Optional<String> usable(String key, int line, String raw) {
			String value = raw.strip();
			if (TEMPLATE_TAG.matcher(value).find()) {
				problems.warn(line, key, "contains an unrendered template tag; value ignored");
				return Optional.empty();
			}
			return value.isEmpty() ? Optional.empty() : Optional.of(value);
		}

		private String text(String key, int max) {
			String value = scalar(key).orElse("");
			if (value.length() > max) {
				problems.error(lineOf(key), key, "longer than " + max + " characters; cut short");
				value = value.substring(0, max);
			}
			return value;
		}

		private List<String> list(String key) {
			Field field = fields.get(key);
			if (field == null || isNull(field.node)) {
				return List.of();
			}
			List<String> values = new ArrayList<>();
			if (field.node instanceof ScalarNode scalar) {
				usable(key, field.line, scalar.getValue()).ifPresent(values::add);
			}
			else if (field.node instanceof SequenceNode sequence) {
				for (Node item : sequence.getValue()) {
					if (item instanceof ScalarNode scalar) {
						usable(key, line(item), scalar.getValue()).ifPresent(values::add);
					}
					else {
						problems.error(line(item), key, "list items must be single values; item ignored");
					}
				}
			}
			else {
				problems.error(field.line, key, "must be a value or a list of values; ignored");
			}
			if (values.size() > MAX_LIST) {
				problems.error(field.line, key, "more than " + MAX_LIST + " values; the rest are ignored");
				values = values.subList(0, MAX_LIST);
			}
			return List.copyOf(new LinkedHashSet<>(values));
		}

		private String controlled(String key, String vocabularyId) {
			String value = scalar(key).orElse("");
			if (value.isEmpty()) {
				return "";
			}
			Vocabulary vocabulary = taxonomy.vocabulary(vocabularyId);
			if (!vocabulary.contains(value)) {
				problems.error(lineOf(key), key, unknown(value, vocabulary));
				return "";
			}
			return value;
		}

		private List<String> controlledList(String key, String vocabularyId) {
			Vocabulary vocabulary = taxonomy.vocabulary(vocabularyId);
			List<String> known = new ArrayList<>();
			for (String value : list(key)) {
				if (vocabulary.contains(value)) {
					known.add(value);
				}
				else {
					problems.error(lineOf(key), key, unknown(value, vocabulary));
				}
			}
			return known;
		}

		private String unknown(String value, Vocabulary vocabulary) {
			return "unknown value '" + value + "' (not in " + vocabulary.id() + ".yml); value ignored";
		}

		private Visibility visibility() {
			String value = scalar("visibility").orElse("public");
			return Visibility.fromId(value).orElseGet(() -> {
				// Fail closed: a typo in visibility must never publish a members-only document.
				problems.error(lineOf("visibility"), "visibility", "unknown value '" + value
						+ "' (expected public or members); treated as members");
				return Visibility.MEMBERS;
			});
		}

		private boolean bool(String key) {
			String value = scalar(key).orElse("false").toLowerCase(Locale.ROOT);
			return switch (value) {
				case "true", "yes", "on" -> true;
				case "false", "no", "off" -> false;
				default -> {
					problems.error(lineOf(key), key, "must be true or false; treated as false");
					yield false;
				}
			};
		}

		private LocalDate published() {
			Optional<String> value = scalar("published");
			if (value.isEmpty()) {
				problems.warn(lineOf("published"), "published", "missing; using the file's date " + lastModified);
				return lastModified;
			}
			String text = value.get();
			try {
				return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' || text.length() > 10
						&& text.charAt(10) == ' ' ? text.substring(0, 10) : text);
			}
			catch (DateTimeParseException ex) {
				problems.error(lineOf("published"), "published", "'" + text
						+ "' is not a date like 2026-02-27; using the file's date " + lastModified);
				return lastModified;
			}
		}

		/** When the document last changed ("Last updated" on its page); never before it was published. */
		private LocalDate updated(LocalDate published) {
			Optional<LocalDate> updated = date("updated", "2026-03-01");
			if (updated.isPresent() && updated.get().isBefore(published)) {
				problems.warn(lineOf("updated"), "updated", "is before published; using the published date");
				return published;
			}
			return updated.orElse(published);
		}

		/** An optional whole date; one that is not a date is reported and left out. */
		private Optional<LocalDate> date(String key, String example) {
			Optional<String> value = scalar(key);
			if (value.isEmpty()) {
				return Optional.empty();
			}
			try {
				return Optional.of(LocalDate.parse(value.get()));
			}
			catch (DateTimeParseException ex) {
				problems.error(lineOf(key), key, "'" + value.get() + "' is not a date like " + example
						+ "; value ignored");
				return Optional.empty();
			}
		}

		/** The cited source's date: a whole date, so a year facet and "Source" row can show it. */
		private String sourceDate() {
			Optional<String> value = scalar("source-date");
			if (value.isEmpty()) {
				return "";
			}
			try {
				return LocalDate.parse(value.get()).toString();
			}
			catch (DateTimeParseException ex) {
				problems.error(lineOf("source-date"), "source-date", "'" + value.get()
						+ "' is not a date like 2004-06-22; value ignored");
				return "";
			}
		}

		private Optional<String> firstHeading() {
			Matcher matcher = HEADING.matcher(body);
			return matcher.find() ? Optional.of(truncate(matcher.group(1), MAX_TITLE)) : Optional.empty();
		}

		private String titleFromFileName() {
			String name = id.substring(id.lastIndexOf('/') + 1).replace('-', ' ').strip();
			return name.isEmpty() ? id : Character.toUpperCase(name.charAt(0)) + name.substring(1);
		}

		private String firstParagraph() {
			for (String paragraph : body.split("\n\\s*\n")) {
				String text = paragraph.strip();
				if (!text.isEmpty() && !text.startsWith("#") && !text.startsWith("---")) {
					return truncate(text.replaceAll("\\s+", " ").replaceAll("[*_`>\\[\\]]", ""), 300);
				}
			}
			return "";
		}
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
	}

	private static final class Problems {
		private final String path;
		private final List<ContentProblem> list = new ArrayList<>();
		private final Set<String> fields = new HashSet<>();

		Problems(String path) {
			this.path = path;
		}

		void skip(int line, String field, String message) {
			add(line, field, message, Severity.SKIPPED);
		}

		void error(int line, String field, String message) {
			add(line, field, message, Severity.ERROR);
		}

		void warn(int line, String field, String message) {
			add(line, field, message, Severity.WARNING);
		}

		boolean mentions(String field) {
			return fields.contains(field);
		}

		private void add(int line, String field, String message, Severity severity) {
			fields.add(field);
			list.add(new ContentProblem(path, line, field, message, severity));
		}
	}
}
