package com.launcher.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM (zonky's embedded server); each cluster of hosts gets
 * a database of its own so test classes do not see each other's rows.
 */
public final class SharedPostgres {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	private SharedPostgres() {
	}

	static synchronized EmbeddedPostgres server() {
		if (postgres == null) {
			try {
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
				// The embedded server starts without fsync and with synchronous_commit
				// off, which suits tests. A benchmark that needs a durable server (or
				// pg_stat_statements) says so: "fsync=on,synchronous_commit=on". Settings
				// given here are command-line options, which ALTER SYSTEM cannot
				// override.
				for (String setting : System.getProperty("e2e.postgres.serverConfig", "").split(",")) {
					int equals = setting.indexOf('=');
					if (equals > 0) {
						builder.setServerConfig(setting.substring(0, equals).trim(),
								setting.substring(equals + 1).trim());
					}
				}
				postgres = builder.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is ending; nothing to do.
				}
			}));
		}
		return postgres;
	}

	/** Creates a fresh database and answers its JDBC URL. */
	public static String newDatabase() {
		String name = "e2e_" + DATABASES.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

}
