package com.launcher.host.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The host's pool on a real PostgreSQL: how its sessions are bounded. */
class DatabaseConfigurationTests {

	@Test
	void boundStatementsWhenSessionsOpenThenPostgresEndsAStatementPastTheBound() throws SQLException {
		try (HikariDataSource pool = pool(Duration.ofSeconds(1)); Connection connection = pool.getConnection()) {
			assertThat(TestDatabases.statementTimeout(connection)).isEqualTo("1s");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> TestDatabases.execute(connection, "SELECT pg_sleep(1.5)"))
				.withMessageContaining("statement timeout");
		}
	}

	@Test
	void launcherLiquibaseWhenBuiltThenItMigratesWithTheTimeoutLifted() throws SQLException {
		try (HikariDataSource pool = pool(Duration.ofSeconds(1))) {
			SpringLiquibase liquibase = new DatabaseConfiguration().launcherLiquibase(pool);

			assertThat(liquibase.getDataSource()).isInstanceOf(SchemaChangeDataSource.class);
			try (Connection connection = liquibase.getDataSource().getConnection()) {
				assertThat(TestDatabases.statementTimeout(connection)).isEqualTo("0");
			}
		}
	}

	// A single connection, so that each borrow gets the session the last one gave back.
	private static HikariDataSource pool(Duration statementTimeout) {
		EmbeddedPostgres postgres = TestDatabases.shared();
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(1);
		DatabaseConfiguration.bound(config, Duration.ofSeconds(3));
		DatabaseConfiguration.boundStatements(config, statementTimeout);
		return new HikariDataSource(config);
	}

}
