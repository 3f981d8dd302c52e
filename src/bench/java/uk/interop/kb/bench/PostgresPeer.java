package uk.interop.kb.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;

import uk.interop.kb.content.ContentFile;
import uk.interop.kb.content.ContentLoader;
import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.content.Document;
import uk.interop.kb.content.MarkdownRenderer;
import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.Facet;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

/**
 * The peer a team would otherwise use: PostgreSQL full-text search, in a cluster of its own
 * (initdb in a temp folder, loopback port, stopped at the end), loaded through JDBC with the
 * same documents (the same parsed and rendered plain text Lucene indexes). Each search is the
 * same work as ours: {@code websearch_to_tsquery}, the public-audience filter, the total, every
 * facet's counts with drill-sideways semantics ({@code GROUP BY} per facet over the matches,
 * each applying every filter but its own), the top 10 by {@code ts_rank_cd} and
 * {@code ts_headline} on those 10 only.
 */
final class PostgresPeer implements Closeable {

	private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
	/** Facet to column; every facet column is a text[] so filters and counts are written alike. */
	private static final Map<Facet, String> COLUMNS = Map.of(Facet.LEVEL, "levels", Facet.THEME, "themes", Facet.TYPE,
			"types", Facet.ORGANISATION, "organisations", Facet.SECTOR, "sectors", Facet.OUTCOME, "outcomes",
			Facet.BARRIER, "barriers", Facet.YEAR, "years");

	private final Path dir;
	private final int port;
	private final boolean asPostgresUser;

	private PostgresPeer(Path dir, int port, boolean asPostgresUser) {
		this.dir = dir;
		this.port = port;
		this.asPostgresUser = asPostgresUser;
	}

	static boolean available() {
		return Files.isExecutable(BIN.resolve("initdb"));
	}

	/** initdb and start; as root the cluster belongs to the {@code postgres} user, which PostgreSQL insists on. */
	static PostgresPeer start(Path logDir) throws Exception {
		boolean root = "root".equals(System.getProperty("user.name"));
		Path dir = Files.createTempDirectory("kb-bench-pg");
		int port = HttpBench.freePort();
		PostgresPeer peer = new PostgresPeer(dir, port, root);
		if (root) {
			exec(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
		}
		peer.pg(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "bench", "-A", "trust",
				"-E", "UTF8", "--locale=C", "--no-sync");
		String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c shared_buffers=2GB"
				+ " -c work_mem=64MB -c maintenance_work_mem=1GB -c effective_cache_size=12GB -c fsync=off"
				+ " -c synchronous_commit=off -c full_page_writes=off -c jit=off -c max_wal_size=8GB";
		peer.pg(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
				dir.resolve("server.log").toString(), "-w", "-t", "120", "-o", options, "start");
		Runtime.getRuntime().addShutdownHook(new Thread(peer::close));
		return peer;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "bench", "");
	}

	/** Loads the corpus; returns documents per second for load + GIN index + analyse. */
	double load(Path corpus) throws Exception {
		Taxonomy taxonomy = new TaxonomyLoader().load(corpus.resolve("taxonomy"));
		ContentLoader loader = new ContentLoader(corpus, taxonomy, new MarkdownRenderer());
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute("DROP TABLE IF EXISTS docs");
			s.execute("""
					CREATE TABLE docs (
					  id text PRIMARY KEY, title text NOT NULL, summary text NOT NULL, body text NOT NULL,
					  visibility text NOT NULL, published date NOT NULL,
					  levels text[] NOT NULL, themes text[] NOT NULL, types text[] NOT NULL,
					  organisations text[] NOT NULL, sectors text[] NOT NULL, outcomes text[] NOT NULL,
					  barriers text[] NOT NULL, years text[] NOT NULL,
					  tsv tsvector GENERATED ALWAYS AS (
					    setweight(to_tsvector('english', title), 'A') ||
					    setweight(to_tsvector('english', summary), 'B') ||
					    setweight(to_tsvector('english', body), 'C')) STORED)""");
			long t0 = System.nanoTime();
			List<ContentProblem> problems = new ArrayList<>();
			List<ContentFile> files = loader.scan(problems);
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder batch = new StringBuilder();
			int n = 0;
			for (ContentFile file : files) {
				SourceDocument source = loader.parse(file, problems).orElseThrow();
				row(batch, source);
				if (++n % 2000 == 0) {
					copy.copyIn("COPY docs (id, title, summary, body, visibility, published, levels, themes, types,"
							+ " organisations, sectors, outcomes, barriers, years) FROM STDIN", new StringReader(batch.toString()));
					batch.setLength(0);
				}
			}
			if (batch.length() > 0) {
				copy.copyIn("COPY docs (id, title, summary, body, visibility, published, levels, themes, types,"
						+ " organisations, sectors, outcomes, barriers, years) FROM STDIN", new StringReader(batch.toString()));
			}
			s.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)");
			s.execute("VACUUM ANALYZE docs");
			return n / ((System.nanoTime() - t0) / 1e9);
		}
	}

	private static void row(StringBuilder out, SourceDocument source) {
		Document d = source.document();
		out.append(esc(d.id())).append('\t').append(esc(d.title())).append('\t').append(esc(d.summary())).append('\t')
			.append(esc(source.rendered().plainText())).append('\t').append(d.visibility().id()).append('\t')
			.append(d.published()).append('\t').append(array(d.levels())).append('\t').append(array(d.themes()))
			.append('\t').append(array(List.of(d.type()))).append('\t').append(array(d.organisations())).append('\t')
			.append(array(d.sectors())).append('\t')
			.append(array(d.outcome().isEmpty() ? List.of() : List.of(d.outcome()))).append('\t')
			.append(array(d.barriers())).append('\t')
			.append(array(List.of(Integer.toString(d.published().getYear())))).append('\n');
	}

	private static String array(List<String> ids) {
		return "{" + String.join(",", ids) + "}";
	}

	private static String esc(String text) {
		return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	/** CPU used so far by the server: the postmaster and its backends. */
	long serverCpuNanos() {
		try {
			long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).strip());
			return ProcessCpu.ofTree(postmaster);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	long tableBytes() throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT pg_total_relation_size('docs')")) {
			r.next();
			return r.getLong(1);
		}
	}

	/** One client: a connection and its prepared statements. Not thread-safe; one per thread. */
	final class Client implements Closeable {
		private final Connection connection;
		private final Map<String, PreparedStatement> statements = new HashMap<>();

		Client() throws SQLException {
			connection = connect();
		}

		/** The whole search; returns the total so it can be checked against ours. */
		long search(QueryMix.Query query) throws SQLException {
			long total = facetsAndTotal(query);
			topTen(query);
			return total;
		}

		private long facetsAndTotal(QueryMix.Query query) throws SQLException {
			StringBuilder sql = new StringBuilder("WITH m AS MATERIALIZED (SELECT levels, themes, types, organisations,"
					+ " sectors, outcomes, barriers, years FROM docs WHERE tsv @@ websearch_to_tsquery('english', ?)"
					+ " AND visibility = 'public')\nSELECT NULL::text AS dim, NULL::text AS value, count(*) FROM m");
			List<String> params = new ArrayList<>(List.of(query.text()));
			where(sql, params, query.filters(), null);
			for (Facet facet : Facet.values()) {
				String column = COLUMNS.get(facet);
				if (column == null) {
					// Source type, source date and provenance have no column here: the app counts them, the peer does not (less work for it).
					continue;
				}
				sql.append("\nUNION ALL SELECT '").append(facet.param()).append("', v, count(*) FROM m, unnest(m.")
					.append(column).append(") v");
				where(sql, params, query.filters(), facet);
				sql.append(" GROUP BY v");
			}
			PreparedStatement ps = prepare(sql.toString());
			for (int i = 0; i < params.size(); i++) {
				ps.setString(i + 1, params.get(i));
			}
			long total = -1;
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					if (r.getString(1) == null) {
						total = r.getLong(3);
					}
				}
			}
			return total;
		}

		private void topTen(QueryMix.Query query) throws SQLException {
			StringBuilder sql = new StringBuilder("SELECT id, title, summary, ts_headline('english', body,"
					+ " websearch_to_tsquery('english', ?), 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2,"
					+ " MaxWords=30, MinWords=10') FROM (SELECT id, title, summary, body, ts_rank_cd(tsv,"
					+ " websearch_to_tsquery('english', ?)) AS rank FROM docs m WHERE tsv @@"
					+ " websearch_to_tsquery('english', ?) AND visibility = 'public'");
			List<String> params = new ArrayList<>(List.of(query.text(), query.text(), query.text()));
			andFilters(sql, params, query.filters(), null);
			sql.append(" ORDER BY rank DESC, id LIMIT ").append(QueryMix.PAGE_SIZE).append(") t ORDER BY rank DESC, id");
			PreparedStatement ps = prepare(sql.toString());
			for (int i = 0; i < params.size(); i++) {
				ps.setString(i + 1, params.get(i));
			}
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					r.getString(4);
				}
			}
		}

		private void where(StringBuilder sql, List<String> params, Map<Facet, Set<String>> filters, Facet except) {
			StringBuilder and = new StringBuilder();
			andFilters(and, params, filters, except);
			if (and.length() > 0) {
				sql.append(" WHERE ").append(and.substring(5));
			}
		}

		private void andFilters(StringBuilder sql, List<String> params, Map<Facet, Set<String>> filters,
				Facet except) {
			filters.forEach((facet, values) -> {
				if (facet != except) {
					sql.append(" AND m.").append(COLUMNS.get(facet)).append(" && ?::text[]");
					params.add("{" + String.join(",", values) + "}");
				}
			});
		}

		private PreparedStatement prepare(String sql) throws SQLException {
			PreparedStatement ps = statements.get(sql);
			if (ps == null) {
				ps = connection.prepareStatement(sql);
				statements.put(sql, ps);
			}
			return ps;
		}

		@Override
		public void close() {
			try {
				connection.close();
			}
			catch (SQLException ignored) {
				// closing anyway
			}
		}
	}

	@Override
	public synchronized void close() {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try {
			if (Files.exists(dir.resolve("data/postmaster.pid"))) {
				pg(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
			}
		}
		catch (Exception ex) {
			System.out.println("  stopping PostgreSQL failed: " + ex.getMessage());
		}
		try {
			CorpusGenerator.deleteTree(dir);
		}
		catch (IOException ex) {
			System.out.println("  could not delete " + dir + ": " + ex.getMessage());
		}
	}

	private void pg(String... command) throws Exception {
		exec(List.of(command), asPostgresUser);
	}

	private static void exec(List<String> command, boolean asPostgres) throws Exception {
		List<String> full = new ArrayList<>();
		if (asPostgres) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
			p.destroyForcibly();
			throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
		}
	}
}
