package uk.interop.kb.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The databases the data-layer tests run on: H2 always, and PostgreSQL when
 * {@value #POSTGRES_URL} names one ({@code .ci/run} starts a throwaway cluster and sets it).
 * Each {@link #fresh} database is empty with the real Flyway migrations applied: a new in-memory
 * H2 database, or a new schema in the PostgreSQL database, dropped again on close.
 * Use with {@code @ParameterizedTest @MethodSource("uk.interop.kb.support.TestDatabases#all")}.
 */
public final class TestDatabases {

	public static final String POSTGRES_URL = "KB_TEST_POSTGRES_URL";

	public enum Kind {
		H2, POSTGRESQL
	}

	private TestDatabases() {
	}

	public static Stream<Kind> all() {
		return Stream.of(Kind.values());
	}

	/** The PostgreSQL JDBC URL; skips the test without one, or fails it on CI, where there must be one. */
	public static String postgresUrl() {
		String url = System.getenv(POSTGRES_URL);
		if (url == null || url.isBlank()) {
			if (System.getenv("CI") != null) {
				Assertions.fail(POSTGRES_URL + " is not set on CI: .ci/run should have started PostgreSQL");
			}
			Assumptions.assumeTrue(false, "set " + POSTGRES_URL + " to run against PostgreSQL; .ci/run does");
		}
		return url;
	}

	public static Fresh fresh(Kind kind) {
		return switch (kind) {
			case H2 -> new Fresh(kind, pool("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa"), null);
			case POSTGRESQL -> freshPostgres();
		};
	}

	private static Fresh freshPostgres() {
		String url = postgresUrl();
		String schema = "kb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
			.toLowerCase(Locale.ROOT);
		HikariDataSource dataSource = pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, null);
		execute(dataSource, "create schema " + schema);
		return new Fresh(Kind.POSTGRESQL, dataSource, schema);
	}

	private static HikariDataSource pool(String url, String user) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		if (user != null) {
			config.setUsername(user);
			config.setPassword("");
		}
		config.setMaximumPoolSize(8);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

	private static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** One empty, migrated database. */
	public static final class Fresh implements AutoCloseable {

		private final Kind kind;
		private final HikariDataSource dataSource;
		private final String schema;

		Fresh(Kind kind, HikariDataSource dataSource, String schema) {
			this.kind = kind;
			this.dataSource = dataSource;
			this.schema = schema;
			var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
			if (schema != null) {
				flyway.schemas(schema);
			}
			flyway.load().migrate();
		}

		public Kind kind() {
			return kind;
		}

		public DataSource dataSource() {
			return dataSource;
		}

		public JdbcClient jdbc() {
			return JdbcClient.create(dataSource);
		}

		public PlatformTransactionManager transactions() {
			return new DataSourceTransactionManager(dataSource);
		}

		@Override
		public void close() {
			if (schema != null) {
				execute(dataSource, "drop schema " + schema + " cascade");
			}
			else {
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("shutdown");
				}
				catch (SQLException ex) {
					// Closing the pool's connection after the shutdown complains that it is closed: it is.
				}
			}
			dataSource.close();
		}

		@Override
		public String toString() {
			return kind.name();
		}
	}
}
