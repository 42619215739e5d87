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
				postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
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
