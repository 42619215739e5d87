package com.launcher.host.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaChangeDataSourceTests {

	// One connection, so every borrow gets the session the previous one gave back.
	private HikariDataSource pool;

	@BeforeEach
	void openPool() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(TestDatabases.shared().getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(1);
		config.addDataSourceProperty("options", "-c statement_timeout=300");
		this.pool = new HikariDataSource(config);
	}

	@AfterEach
	void closePool() {
		this.pool.close();
	}

	@Test
	void getConnectionWhenThePoolsSessionsAreBoundThenAChangeMayRunLongerAndTheBoundIsBackAfterwards()
			throws SQLException {
		long backend;
		try (Connection connection = new SchemaChangeDataSource(this.pool).getConnection()) {
			backend = backend(connection);
			assertThat(TestDatabases.statementTimeout(connection)).isEqualTo("0");
			TestDatabases.execute(connection, "SELECT pg_sleep(0.5)");
		}

		try (Connection connection = this.pool.getConnection()) {
			assertThat(backend(connection)).as("the same session").isEqualTo(backend);
			assertThat(TestDatabases.statementTimeout(connection)).isEqualTo("300ms");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> TestDatabases.execute(connection, "SELECT pg_sleep(0.5)"))
				.withMessageContaining("statement timeout");
		}
	}

	@Test
	void closeWhenATransactionIsStillOpenThenItIsRolledBackAndTheBoundStillComesBack() throws SQLException {
		try (Connection connection = new SchemaChangeDataSource(this.pool).getConnection()) {
			connection.setAutoCommit(false);
			TestDatabases.execute(connection, "CREATE TABLE launcher_schema_change_probe (id int)");
		}

		try (Connection connection = this.pool.getConnection()) {
			assertThat(TestDatabases.statementTimeout(connection)).isEqualTo("300ms");
			try (ResultSet result = connection.createStatement()
				.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'launcher_schema_change_probe'")) {
				result.next();
				assertThat(result.getInt(1)).as("the unfinished change is rolled back").isZero();
			}
		}
	}

	@Test
	void closeWhenCalledTwiceThenTheConnectionIsGivenBackOnce() throws SQLException {
		Connection connection = new SchemaChangeDataSource(this.pool).getConnection();
		connection.close();
		connection.close();

		assertThat(connection.isClosed()).isTrue();
		try (Connection next = this.pool.getConnection()) {
			assertThat(TestDatabases.statementTimeout(next)).isEqualTo("300ms");
		}
	}

	private static long backend(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			return result.getLong(1);
		}
	}

}
