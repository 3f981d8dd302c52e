package uk.interop.kb.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import uk.interop.kb.assessment.FrameworkLoader;
import uk.interop.kb.backup.Backups;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.content.ContentSnapshot;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.RenderedMarkdown;
import uk.interop.kb.search.IndexLockedException;
import uk.interop.kb.search.IndexMaintenance;
import uk.interop.kb.shared.StorageProperties;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyException;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/**
 * The command-line face: {@code validate}, {@code reindex}, {@code backup} and {@code restore}.
 * Returns exit codes instead of exiting, for tests.
 */
public final class Commands {

	public static final Set<String> NAMES = Set.of("validate", "reindex", "backup", "restore");

	/** What {@code help}, {@code --help} or a word that is no command prints. */
	static final String USAGE = """
			usage: java -jar interop-kb.jar [COMMAND] [--setting=value ...]

			With no command, runs the web app (it needs --kb.base-url=https://... or KB_BASE_URL).
			Commands:
			  validate [DIR]      check a content tree (default: kb.content-dir) and its assessment frameworks;
			                      a tree without taxonomy/ is checked against the configured taxonomy
			  reindex             rebuild the index from scratch (stop the app first)
			  backup DIR          back up the database and index (stop the app first)
			  restore DIR         put a backup back (stop the app first; --force over existing data)
			  help                print this
			""";

	private Commands() {
	}

	/**
	 * What the command line asks for: empty to run the web app (no words, or only {@code --settings}),
	 * otherwise the exit code of a command, or 2 with the usage for {@code help}, {@code --help}, {@code -h} or
	 * any other word, so a typing mistake never starts a server and creates a database.
	 */
	public static java.util.OptionalInt dispatch(Class<?> application, String[] args, PrintStream out) {
		if (args.length == 0 || (args[0].startsWith("--") && !args[0].equals("--help"))) {
			return java.util.OptionalInt.empty();
		}
		if (NAMES.contains(args[0])) {
			return java.util.OptionalInt.of(run(application, args[0], Arrays.copyOfRange(args, 1, args.length)));
		}
		if (!List.of("help", "--help", "-h", "-?").contains(args[0])) {
			out.println("Unknown command: " + args[0]);
		}
		out.print(USAGE);
		return java.util.OptionalInt.of(2);
	}

	/** {@code application} is the app's configuration class, for the commands that need its context ({@code reindex}). */
	public static int run(Class<?> application, String name, String[] args) {
		return switch (name) {
			case "validate" -> validate(args, System.out);
			case "reindex" -> reindex(application, args, System.out);
			case "backup" -> backup(args, System.out);
			case "restore" -> restore(args, System.out);
			default -> throw new IllegalArgumentException(name);
		};
	}

	/** {@code validate [DIR] [--setting=value ...]}: DIR defaults to {@code kb.content-dir}. */
	static int validate(String[] args, PrintStream out) {
		boolean named = args.length > 0 && !args[0].startsWith("--");
		String[] settings = named ? Arrays.copyOfRange(args, 1, args.length) : args;
		try (ConfigurableApplicationContext context = settings(settings)) {
			StorageProperties storage = context.getBean(StorageProperties.class);
			return validate(named ? Path.of(args[0]) : storage.contentDir(), storage.taxonomyDir(), out);
		}
	}

	/** Checks a tree that carries its own {@code taxonomy/} folder. */
	public static int validate(Path contentDir, PrintStream out) {
		return validate(contentDir, contentDir.resolve("taxonomy"), out);
	}

	/**
	 * Checks the Markdown documents and the assessment frameworks ({@code assessments/*.yml}, whose handbook
	 * sections must exist among the documents). Prints one line per problem; 0 when nothing fails validation
	 * (warnings alone pass), 1 otherwise.
	 */
	public static int validate(Path contentDir, Path configuredTaxonomy, PrintStream out) {
		if (!java.nio.file.Files.isDirectory(contentDir)) {
			out.println(contentDir + " is not a folder");
			return 1;
		}
		Path taxonomyDir = contentDir.resolve("taxonomy");
		if (!java.nio.file.Files.isDirectory(taxonomyDir)) {
			// A folder of drafts (or one lesson to check) need not carry the vocabularies: use the site's.
			taxonomyDir = configuredTaxonomy;
			out.println(contentDir + " has no taxonomy/ folder: checking against " + taxonomyDir);
		}
		Taxonomy taxonomy;
		try {
			taxonomy = new TaxonomyLoader().load(taxonomyDir);
		}
		catch (TaxonomyException ex) {
			out.println(ex.getMessage());
			return 1;
		}
		ContentSnapshot snapshot = new ContentLoader(contentDir, taxonomy, new MarkdownRenderer()).loadAll();
		Map<String, List<String>> headings = new HashMap<>();
		snapshot.documents().forEach(d -> headings.put(d.document().id(),
				d.rendered().headings().stream().map(RenderedMarkdown.Heading::id).toList()));
		FrameworkLoader.Loaded frameworks = new FrameworkLoader(taxonomy,
				id -> Optional.ofNullable(headings.get(id))).load(contentDir);
		List<ContentProblem> problems = new ArrayList<>(snapshot.problems());
		problems.addAll(frameworks.problems());
		problems.forEach(p -> out.println(contentDir.resolve(p.path()).toString().replace('\\', '/')
				+ p.format().substring(p.path().length())));
		long failing = problems.stream().filter(p -> p.severity().failsValidation()).count();
		if (!frameworks.frameworks().isEmpty() || !frameworks.problems().isEmpty()) {
			out.printf("%d assessment frameworks%n", frameworks.frameworks().size());
		}
		out.printf("%d documents, %d problems (%d failing)%n", snapshot.documents().size(), problems.size(), failing);
		return failing == 0 ? 0 : 1;
	}

	/** Rebuilds the index from scratch with a progress bar; refuses while the app holds the index. */
	public static int reindex(Class<?> application, String[] args, PrintStream out) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.properties("kb.search.sync-on-start=false", "spring.main.banner-mode=off", "logging.level.root=WARN",
					"logging.level.org.springframework.boot.diagnostics=OFF",
					"logging.level.org.springframework.boot.SpringApplication=OFF",
					"logging.level.org.springframework.context=ERROR")
			.run(args)) {
			IndexMaintenance index = context.getBean(IndexMaintenance.class);
			ProgressBar bar = new ProgressBar(out, index.fileCount());
			IndexMaintenance.Rebuilt report = index.rebuild(bar::update);
			bar.finish();
			report.problems().forEach(p -> out.println(p.format()));
			out.printf("Indexed %d documents (%d problems)%n", report.documents(), report.problems().size());
			return 0;
		}
		catch (RuntimeException ex) {
			out.println("reindex failed: " + reason(ex));
			return 1;
		}
	}

	/** {@code backup DIR}: the H2 database and the index's last commit, with the app stopped. */
	public static int backup(String[] args, PrintStream out) {
		if (args.length == 0 || args[0].startsWith("--")) {
			out.println("usage: backup DIR [--setting=value ...]");
			return 2;
		}
		try (ConfigurableApplicationContext context = settings(Arrays.copyOfRange(args, 1, args.length))) {
			Environment env = context.getEnvironment();
			Path written = Backups.whileStopped(env.getRequiredProperty("spring.datasource.url"),
					env.getProperty("spring.datasource.username", "sa"), env.getProperty("spring.datasource.password", ""),
					context.getBean(StorageProperties.class).luceneDir(), Path.of(args[0]));
			out.println("Backup written to " + written.toAbsolutePath());
			return 0;
		}
		catch (RuntimeException ex) {
			out.println("backup failed: " + reason(ex));
			return 1;
		}
	}

	/** {@code restore DIR [--force]}: puts a backup back into the configured data and index folders. */
	public static int restore(String[] args, PrintStream out) {
		if (args.length == 0 || args[0].startsWith("--")) {
			out.println("usage: restore DIR [--force] [--setting=value ...]");
			return 2;
		}
		boolean force = Arrays.asList(args).contains("--force");
		String[] settings = Arrays.stream(args, 1, args.length).filter(a -> !a.equals("--force"))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = settings(settings)) {
			StorageProperties storage = context.getBean(StorageProperties.class);
			Backups.restore(Path.of(args[0]), context.getEnvironment().getRequiredProperty("spring.datasource.url"),
					storage.luceneDir(), force);
			out.println("Restored " + Path.of(args[0]).toAbsolutePath() + ": start the app to use it");
			return 0;
		}
		catch (RuntimeException ex) {
			out.println("restore failed: " + reason(ex));
			return 1;
		}
	}

	/** Only the settings (application.properties, environment, arguments): no database, index or web server. */
	private static ConfigurableApplicationContext settings(String[] args) {
		return new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN",
					"logging.level.org.springframework.boot.SpringApplication=OFF")
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(StorageProperties.class)
	static class SettingsOnly {
	}

	/** The most useful line for a person: ours if we threw it, else the deepest cause. */
	private static String reason(Throwable ex) {
		Throwable deepest = ex;
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof IndexLockedException || t instanceof TaxonomyException
					|| t instanceof Backups.BackupRefusedException) {
				return t.getMessage();
			}
			deepest = t;
		}
		return deepest.getMessage();
	}
}
