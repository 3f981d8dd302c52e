package uk.interop.kb.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.springframework.util.FileSystemUtils;

import uk.interop.kb.search.IndexLockedException;
import uk.interop.kb.search.IndexMaintenance;

/**
 * Backups of the H2 database and the index, and restoring them. A backup folder holds
 * {@code database.zip} (H2's own {@code BACKUP TO}: a consistent copy taken while the database is
 * in use), {@code index/} (the files of one Lucene commit) and {@code backup.properties}. The index
 * is derived: restoring it only saves a rebuild, and start-up brings it in step with the restored
 * database whatever its age. PostgreSQL is backed up with its own tools, so this refuses it.
 */
public final class Backups {

	static final String DATABASE = "database.zip";
	static final String INDEX = "index";
	static final String MANIFEST = "backup.properties";
	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
	private static final String H2_FILE = "jdbc:h2:file:";

	private Backups() {
	}

	/** A refusal with a reason for the person who asked: not a fault. */
	public static final class BackupRefusedException extends IllegalStateException {
		BackupRefusedException(String message) {
			super(message);
		}
	}

	/**
	 * From the running app: {@code BACKUP TO} on its own connection, and the index through the
	 * writer's snapshot deletion policy, so searching and saving go on meanwhile. Returns the new folder.
	 */
	public static Path whileRunning(DataSource dataSource, IndexMaintenance index, Path backupDir, Clock clock) {
		Path target = backupDir.resolve("interop-kb-" + LocalDateTime.now(clock).format(NAME));
		try (Connection connection = dataSource.getConnection()) {
			requireH2(connection);
			requireEmpty(target, false);
			Files.createDirectories(target);
			backupDatabase(connection, target);
			Map<String, String> commit = index.copyLastCommitTo(target.resolve(INDEX));
			writeManifest(target, "running app", commit);
			return target;
		}
		catch (SQLException ex) {
			discard(target);
			throw new IllegalStateException("The database backup failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			discard(target);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			if (!(ex instanceof BackupRefusedException)) {
				discard(target);
			}
			throw ex;
		}
	}

	/** From the command line with the app stopped: opens the H2 file and the index itself, refusing if either is in use. */
	public static Path whileStopped(String url, String user, String password, Path indexDir, Path target) {
		if (!url.startsWith(H2_FILE)) {
			throw postgresOrOther(url);
		}
		requireEmpty(target, false);
		try (Connection connection = DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, password)) {
			Files.createDirectories(target);
			backupDatabase(connection, target);
		}
		catch (SQLException ex) {
			throw new BackupRefusedException(ex.getErrorCode() == 90020 || ex.getMessage().contains("already in use")
					? "The database is in use: stop the app first, or ask the running app (POST /admin/backup)"
					: "The database backup failed: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> commit;
		try {
			commit = IndexMaintenance.copyClosedIndex(indexDir, target.resolve(INDEX));
		}
		catch (IndexLockedException ex) {
			throw new BackupRefusedException(ex.getMessage());
		}
		catch (UncheckedIOException ex) {
			// The index is derived: a backup without it is still a whole backup.
			commit = Map.of("index", "not copied: " + ex.getCause().getMessage());
		}
		writeManifest(target, "command line", commit);
		return target;
	}

	/**
	 * Puts a backup back: the database file where {@code url} keeps it, and the index in
	 * {@code indexDir}. Refuses while the app holds the index, or when either target already has
	 * something in it, unless {@code force}, which moves what is there aside first.
	 */
	public static void restore(Path from, String url, Path indexDir, boolean force) {
		if (!url.startsWith(H2_FILE)) {
			throw postgresOrOther(url);
		}
		if (!Files.isRegularFile(from.resolve(DATABASE))) {
			throw new BackupRefusedException(from + " is not an Interop KB backup: it has no " + DATABASE);
		}
		Path database = Path.of(url.substring(H2_FILE.length()).split(";", 2)[0] + ".mv.db");
		requireStopped(indexDir);
		if (!force && (Files.exists(database) || hasFiles(indexDir))) {
			throw new BackupRefusedException("There is already a database at " + database.toAbsolutePath()
					+ " or an index in " + indexDir.toAbsolutePath() + "; restore with --force to move them aside first");
		}
		String stamp = LocalDateTime.now().format(NAME);
		try {
			if (Files.exists(database)) {
				Files.move(database, database.resolveSibling(database.getFileName() + ".before-restore-" + stamp));
			}
			if (Files.exists(indexDir)) {
				Files.move(indexDir, indexDir.resolveSibling(indexDir.getFileName() + ".before-restore-" + stamp));
			}
			Files.createDirectories(database.toAbsolutePath().getParent());
			unzipDatabase(from.resolve(DATABASE), database);
			Files.createDirectories(indexDir);
			if (Files.isDirectory(from.resolve(INDEX))) {
				try (Stream<Path> files = Files.list(from.resolve(INDEX))) {
					for (Path file : files.toList()) {
						Files.copy(file, indexDir.resolve(file.getFileName()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireStopped(Path indexDir) {
		if (IndexMaintenance.isOpen(indexDir)) {
			throw new BackupRefusedException("The app is running on " + indexDir.toAbsolutePath() + ": stop it first");
		}
	}

	private static boolean hasFiles(Path dir) {
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.anyMatch(f -> !f.getFileName().toString().equals("write.lock"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireEmpty(Path target, boolean force) {
		if (!force && hasFiles(target)) {
			throw new BackupRefusedException(target.toAbsolutePath() + " is not empty: choose a new folder");
		}
	}

	/** Only the database file is taken from the zip, under our own name: nothing else in it can land anywhere. */
	private static void unzipDatabase(Path zip, Path database) throws IOException {
		try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				if (entry.getName().endsWith(".mv.db")) {
					Files.copy(entries, database);
					return;
				}
			}
		}
		throw new BackupRefusedException(zip + " holds no H2 database file");
	}

	private static void backupDatabase(Connection connection, Path target) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("BACKUP TO '" + target.resolve(DATABASE).toAbsolutePath().toString().replace("'", "''")
					+ "'");
		}
	}

	private static void requireH2(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		if (!"H2".equals(product)) {
			throw postgresOrOther(product);
		}
		if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
			throw new BackupRefusedException("The database is in memory (a test or demo setting): there is no file "
					+ "to back up");
		}
	}

	private static BackupRefusedException postgresOrOther(String what) {
		return new BackupRefusedException(what.toLowerCase(java.util.Locale.ROOT).contains("postgres")
				? "The database is PostgreSQL: back it up with pg_dump and restore it with pg_restore (see "
						+ "docs/operations.md); the index needs no backup, it is rebuilt at start-up"
				: "Only the embedded H2 database file is backed up here; back up " + what + " with its own tools");
	}

	private static void writeManifest(Path target, String by, Map<String, String> commit) {
		Properties manifest = new Properties();
		manifest.setProperty("created", java.time.Instant.now().toString());
		manifest.setProperty("by", by);
		new TreeMap<>(commit).forEach((k, v) -> manifest.setProperty("index." + k, v));
		try (var out = Files.newBufferedWriter(target.resolve(MANIFEST))) {
			manifest.store(out, "Interop KB backup: restore with java -jar interop-kb.jar restore " + target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes a partly written backup folder after a failure. */
	static void discard(Path target) {
		try {
			FileSystemUtils.deleteRecursively(target);
		}
		catch (IOException ex) {
			// Left for the administrator to delete.
		}
	}
}
