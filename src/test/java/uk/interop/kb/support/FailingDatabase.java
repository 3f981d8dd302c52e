package uk.interop.kb.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The shared test app's real data source, with a switch that makes every write fail as a full disk
 * does: reads still work, each insert, update or delete is refused with {@code SQLState 53100}
 * (PostgreSQL's disk_full). Installed around the app's {@link DataSource} by the shared test
 * configuration; a test turns it on in a try-with-resources block and it is off again afterwards.
 */
public final class FailingDatabase extends DelegatingDataSource {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "merge");

	private final AtomicBoolean failing = new AtomicBoolean();

	public FailingDatabase(DataSource target) {
		super(target);
	}

	/** Every write fails until the returned handle is closed. */
	public Switch failWrites() {
		failing.set(true);
		return () -> failing.set(false);
	}

	/** Turns the failure off again. */
	public interface Switch extends AutoCloseable {
		@Override
		void close();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(super.getConnection(username, password));
	}

	private Connection wrap(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (failing.get() && method.getName().equals("prepareStatement") && args[0] instanceof String sql
							&& WRITES.contains(sql.strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT))) {
						throw new SQLException("Could not extend file: No space left on device (test)", "53100");
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}
}
