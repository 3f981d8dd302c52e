package uk.interop.kb.support;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A new, empty in-memory H2 database with the real migrations applied: for tests that need a clean slate. */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static JdbcClient fresh() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		migrate(dataSource);
		return JdbcClient.create(dataSource);
	}

	private static void migrate(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
	}
}
