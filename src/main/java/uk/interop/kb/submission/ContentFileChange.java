package uk.interop.kb.submission;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A suggested change to a file in {@code content/}, as the file to commit: the file's own front matter with the
 * fields the form edits replaced and {@code updated} set, and the new body. Every other key (published, authors,
 * illustrative, sources, references, review dates) is kept as it was. The published side of the diff is the same
 * file written the same way, so the diff shows what changed and not how YAML is laid out.
 */
final class ContentFileChange {

	/** The front-matter keys the suggestion form edits. */
	private static final List<String> FORM_KEYS = List.of("title", "type", "summary", "levels", "themes",
			"organisations", "sector", "outcome", "barriers", "visibility", "source");

	private ContentFileChange() {
	}

	/** The published file, written the way {@link #apply} writes it. */
	static String normalise(String file) {
		Split split = split(file);
		return write(split.front(), split.body());
	}

	/** The file as it would be with the form's values. */
	static String apply(String file, SubmissionForm form, LocalDate today) {
		Map<String, Object> front = new LinkedHashMap<>(split(file).front());
		Map<String, Object> edited = new LinkedHashMap<>();
		edited.put("title", form.title());
		edited.put("type", form.type());
		edited.put("summary", form.summary());
		edited.put("levels", form.levels());
		edited.put("themes", form.themes());
		edited.put("organisations", form.organisations().isEmpty() ? null : form.organisations());
		edited.put("sector", form.sectors().isEmpty() ? null : form.sectors());
		edited.put("outcome", form.outcome().isEmpty() ? null : form.outcome());
		edited.put("barriers", form.barriers().isEmpty() ? null : form.barriers());
		edited.put("visibility", form.visibility());
		edited.put("source", form.source().isEmpty() ? null : form.source());
		for (String key : FORM_KEYS) {
			Object value = edited.get(key);
			if (value == null) {
				front.remove(key);
			}
			else {
				front.put(key, value);
			}
		}
		front.put("updated", today.toString());
		return write(front, form.body());
	}

	private record Split(Map<String, Object> front, String body) {
	}

	@SuppressWarnings("unchecked")
	private static Split split(String file) {
		String text = file.replace("\r\n", "\n");
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.startsWith("---\n")) {
			int end = text.indexOf("\n---\n", 3);
			if (end > 0) {
				Object loaded = yaml().load(text.substring(4, end + 1));
				if (loaded instanceof Map<?, ?> map) {
					Map<String, Object> front = new LinkedHashMap<>();
					map.forEach((k, v) -> front.put(String.valueOf(k), v));
					return new Split(front, text.substring(end + 5).replaceFirst("^\n+", ""));
				}
			}
		}
		return new Split(new LinkedHashMap<>(), text);
	}

	private static String write(Map<String, Object> front, String body) {
		String text = body.replace("\r\n", "\n").strip() + "\n";
		return "---\n" + yaml().dump(front) + "---\n\n" + text;
	}

	/** Dates and numbers stay the strings they were written as: only true, false and null have meaning. */
	private static Yaml yaml() {
		DumperOptions dump = new DumperOptions();
		dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		dump.setWidth(100);
		dump.setSplitLines(true);
		LoaderOptions load = new LoaderOptions();
		load.setAllowDuplicateKeys(false);
		load.setMaxAliasesForCollections(10);
		Resolver plain = new Resolver() {
			@Override
			protected void addImplicitResolvers() {
				addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
				addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
				addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
			}
		};
		return new Yaml(new SafeConstructor(load), new Representer(dump), dump, load, plain);
	}
}
