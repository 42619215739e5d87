package com.launcher.host.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.UncheckedIOException;
import java.time.Duration;

import javax.sql.DataSource;

import com.launcher.host.config.HostProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A real PostgreSQL with the host's Liquibase changelog applied (one per test JVM, shared
 * by the test classes, which use rows of their own), and a context holding the host's
 * MyBatis configuration and the given beans.
 */
public final class TestDatabases {

	private static EmbeddedPostgres shared;

	private TestDatabases() {
	}

	/** The server of this test JVM, started on first use and stopped with the JVM. */
	public static synchronized EmbeddedPostgres shared() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					shared.close();
				}
				catch (IOException ex) {
					// The JVM is ending; nothing to do.
				}
			}));
		}
		return shared;
	}

	private static EmbeddedPostgres start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			SpringLiquibase liquibase = new SpringLiquibase();
			liquibase.setDataSource(postgres.getPostgresDatabase());
			liquibase.setChangeLog("classpath:db/launcher/changelog.xml");
			liquibase.setDatabaseChangeLogTable("launcher_databasechangelog");
			liquibase.setDatabaseChangeLogLockTable("launcher_databasechangeloglock");
			liquibase.setResourceLoader(new DefaultResourceLoader());
			liquibase.afterPropertiesSet();
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A context with the data source, the host's MyBatis and the given components. */
	public static AnnotationConfigApplicationContext context(EmbeddedPostgres postgres, Class<?>... components) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getBeanFactory().registerSingleton("dataSource", (DataSource) postgres.getPostgresDatabase());
		// The host's defaults: its MyBatis bounds every statement by them.
		context.getBeanFactory()
			.registerSingleton("hostProperties", new HostProperties(false, null, null, null, null, null, null,
					new HostProperties.Database(false, true, Duration.ofSeconds(3), Duration.ofSeconds(4))));
		context.register(MybatisConfiguration.class);
		context.register(components);
		context.refresh();
		return context;
	}

	/** The session's {@code statement_timeout} as PostgreSQL shows it ("4s", "0"). */
	public static String statementTimeout(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW statement_timeout")) {
			result.next();
			return result.getString(1);
		}
	}

	public static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
