package com.launcher.host.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.launcher.host.config.HostProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The host's data source and schema. An external PostgreSQL is used when
 * {@code spring.datasource.url} is set; otherwise an embedded one keeps its files under
 * {@code launcher.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(HostProperties properties, @Value("${spring.datasource.url:}") String url,
			@Value("${spring.datasource.username:}") String username,
			@Value("${spring.datasource.password:}") String password,
			@Value("${spring.datasource.hikari.maximum-pool-size:20}") int maxPoolSize) throws IOException {
		HikariConfig config = new HikariConfig();
		config.setPoolName("launcher");
		config.setMaximumPoolSize(maxPoolSize);
		bound(config, properties.database().connectionTimeout());
		boundStatements(config, properties.database().statementTimeout());
		if (StringUtils.hasText(url)) {
			if (properties.demo() && !properties.database().allowDemoMode()) {
				throw new DemoModeOnConfiguredDatabaseException();
			}
			checkReachable(url, username, password);
			if (url.contains("options=")) {
				logger.warn("spring.datasource.url sets the sessions' options itself, which replaces the host's"
						+ " statement_timeout: plugins then time each statement in the driver");
			}
			config.setJdbcUrl(url);
			config.setUsername(username);
			config.setPassword(password);
		}
		else {
			EmbeddedPostgres postgres = startEmbedded(properties.dataDir().resolve("postgres"),
					properties.database().embeddedDurable());
			config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
			config.setUsername("postgres");
			return new EmbeddedHikariDataSource(config, postgres);
		}
		return new HikariDataSource(config);
	}

	@Bean
	SpringLiquibase launcherLiquibase(DataSource dataSource) {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(new SchemaChangeDataSource(dataSource));
		liquibase.setChangeLog("classpath:db/launcher/changelog.xml");
		liquibase.setDatabaseChangeLogTable("launcher_databasechangelog");
		liquibase.setDatabaseChangeLogLockTable("launcher_databasechangeloglock");
		return liquibase;
	}

	/**
	 * Bounds every wait for a connection: the pool's, the driver's TCP connect and its
	 * sign-in. A hung server (its processes stopped, a network partition) accepts TCP
	 * connections and never answers, so each of these would otherwise wait forever.
	 * Validating an idle connection gets one second, so that a few dead ones cannot add
	 * up beyond the bound.
	 * @param config the pool's configuration
	 * @param connectionTimeout the bound
	 */
	static void bound(HikariConfig config, Duration connectionTimeout) {
		config.setConnectionTimeout(connectionTimeout.toMillis());
		config.setValidationTimeout(Math.min(1_000, connectionTimeout.toMillis()));
		String seconds = Long.toString(Math.max(1, connectionTimeout.toSeconds()));
		config.addDataSourceProperty("connectTimeout", seconds);
		config.addDataSourceProperty("loginTimeout", seconds);
		// A statement timeout cancels through a second connection, and the driver waits
		// for that cancel before it gives up on the statement: against a hung server the
		// wait is the cancel's read timeout (10 s by default), so it is kept to one
		// second.
		config.addDataSourceProperty("cancelSignalTimeout", "1");
	}

	/**
	 * Opens every session of the pool with PostgreSQL's own {@code statement_timeout}:
	 * the server ends a statement that runs, or waits for a lock, longer than the bound.
	 * The host's plugins read it and then leave out the driver's per-statement timer,
	 * which costs each statement a task on a shared timer thread (see the gateway's
	 * ServerStatementTimeout). Migrations lift it for their own sessions
	 * ({@link SchemaChangeDataSource}).
	 * @param config the pool's configuration
	 * @param statementTimeout the bound
	 */
	static void boundStatements(HikariConfig config, Duration statementTimeout) {
		config.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
	}

	private static EmbeddedPostgres startEmbedded(Path dataDirectory, boolean durable) throws IOException {
		Files.createDirectories(dataDirectory.getParent());
		logger.info("Starting embedded PostgreSQL with data in {}", dataDirectory.toAbsolutePath());
		if (!durable) {
			logger.warn("Embedded PostgreSQL runs without fsync: a crash can lose or corrupt its data (tests only)");
		}
		// zonky starts the server as a test database: "-F" (fsync off) and
		// synchronous_commit off. This one keeps a small installation's data, so both are
		// set back on; a "-c" setting given after "-F" wins.
		String setting = durable ? "on" : "off";
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "200")
			.setServerConfig("fsync", setting)
			.setServerConfig("synchronous_commit", setting)
			.setServerConfig("full_page_writes", setting)
			.start();
	}

	// Probe once with a plain connection, so an unreachable server ends start-up with one
	// clear message (see DatabaseUnreachableFailureAnalyzer) rather than a pool's stack
	// traces.
	private static void checkReachable(String url, String username, String password) {
		Properties props = new Properties();
		if (StringUtils.hasText(username)) {
			props.setProperty("user", username);
		}
		if (StringUtils.hasText(password)) {
			props.setProperty("password", password);
		}
		props.setProperty("connectTimeout", "5");
		props.setProperty("loginTimeout", "5");
		try (Connection connection = DriverManager.getConnection(url, props)) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			throw new DatabaseUnreachableException(redact(url), ex.getSQLState());
		}
	}

	private static String redact(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query);
	}

	/** A pool that also stops the embedded server it points at. */
	static final class EmbeddedHikariDataSource extends HikariDataSource {

		private final EmbeddedPostgres postgres;

		EmbeddedHikariDataSource(HikariConfig config, EmbeddedPostgres postgres) {
			super(config);
			this.postgres = postgres;
		}

		@Override
		public void close() {
			super.close();
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				logger.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
			}
		}

	}

}
