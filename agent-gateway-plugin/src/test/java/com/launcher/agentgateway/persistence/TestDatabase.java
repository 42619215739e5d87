package com.launcher.agentgateway.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.launcher.agentgateway.config.GatewayTransactions;
import com.launcher.agentgateway.config.PersistenceConfiguration;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One real PostgreSQL per test JVM (zonky's embedded server). Each test class gets a
 * fresh database with the real changelog applied exactly as the plugin applies it (same
 * changelog, same changelog table names), so the contract tests see the production
 * schema.
 */
public final class TestDatabase {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	// By identity: a counting proxy answers equals() as the pool it wraps.
	private static final Map<DataSource, SqlSessionTemplate> SESSIONS = Collections
		.synchronizedMap(new IdentityHashMap<>());

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	private static synchronized EmbeddedPostgres server() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is ending; nothing left to clean up.
				}
			}));
		}
		return postgres;
	}

	/**
	 * Creates a fresh database, migrates it with the plugin's changelog and answers a
	 * pool on it; the caller closes the pool.
	 */
	public static HikariDataSource newDatabase() {
		String name = "agw_test_" + DATABASES.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server().getJdbcUrl("postgres", name));
		config.setUsername("postgres");
		config.setMaximumPoolSize(20);
		config.setMinimumIdle(1);
		config.setPoolName(name);
		HikariDataSource dataSource = new HikariDataSource(config);
		migrate(dataSource);
		return dataSource;
	}

	/**
	 * A second pool on the database of {@code database} whose sessions start with the
	 * server settings {@code options} (the driver's {@code options} property, as a host
	 * sets them: {@code -c statement_timeout=2000}); the caller closes it.
	 */
	public static HikariDataSource pool(HikariDataSource database, String options) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.getJdbcUrl());
		config.setUsername("postgres");
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(1);
		config.addDataSourceProperty("options", options);
		return new HikariDataSource(config);
	}

	public static NamedParameterJdbcTemplate jdbc(DataSource dataSource) {
		return new NamedParameterJdbcTemplate(dataSource);
	}

	/**
	 * MyBatis sessions over {@code dataSource}, from the factory the plugin builds
	 * ({@link PersistenceConfiguration#sqlSessionFactory}); one per data source.
	 */
	public static SqlSessionTemplate sessions(DataSource dataSource) {
		return SESSIONS.computeIfAbsent(dataSource, (key) -> {
			try {
				return new SqlSessionTemplate(PersistenceConfiguration.sqlSessionFactory(key, Duration.ofSeconds(4)));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** Transactions the mappers of {@link #sessions} over {@code dataSource} join. */
	public static TransactionTemplate transactions(DataSource dataSource) {
		return GatewayTransactions.over(sessions(dataSource));
	}

	private static void migrate(HikariDataSource dataSource) {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setResourceLoader(new DefaultResourceLoader(TestDatabase.class.getClassLoader()));
		liquibase.setDataSource(dataSource);
		liquibase.setChangeLog("classpath:db/agent-gateway/changelog.xml");
		liquibase.setDatabaseChangeLogTable("agw_databasechangelog");
		liquibase.setDatabaseChangeLogLockTable("agw_databasechangeloglock");
		try {
			liquibase.afterPropertiesSet();
		}
		catch (LiquibaseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
