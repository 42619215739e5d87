package com.launcher.agentgateway.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who ends a statement of the gateway that runs too long: PostgreSQL itself, when
 * the host's pool opens its sessions with a {@code statement_timeout} at most as long as
 * the gateway's bound, or else the driver.
 * <p>
 * The driver's query timeout costs every statement a task scheduled on its shared timer
 * thread and cancelled afterwards: a few thread wake-ups per statement, which measured as
 * a quarter of the throughput of one agent's {@code ping} (docs/BENCHMARKS.md). The
 * server's own timeout costs nothing per statement and ends a statement waiting for a
 * lock just the same. It cannot end one a hung server never answers; neither can the
 * driver's cancel, which goes to that same server: the connection's network timeout
 * ({@link StatementBoundDataSource}) does, either way.
 */
public final class ServerStatementTimeout {

	private static final Logger logger = LoggerFactory.getLogger(ServerStatementTimeout.class);

	// In milliseconds whatever the unit it was set in; 0 is "none".
	private static final String SQL = "SELECT setting::bigint FROM pg_settings WHERE name = 'statement_timeout'";

	private ServerStatementTimeout() {
	}

	/**
	 * The driver's timeout for the gateway's statements, read once at start from a
	 * session of the pool: every session of a pool starts with the same settings, and the
	 * gateway changes none of them outside its migration (see the host's
	 * {@code schemaChangeDataSource()}).
	 * @param dataSource the pool
	 * @param bound the longest the gateway lets one statement run
	 * @return {@code null} (no driver timeout) when the server already ends every
	 * statement within {@code bound}; otherwise {@code bound}
	 * @throws SQLException when the database does not answer
	 */
	public static Duration driverTimeout(DataSource dataSource, Duration bound) throws SQLException {
		Duration server = read(dataSource);
		if (!server.isZero() && server.compareTo(bound) <= 0) {
			logger.info("PostgreSQL ends each of the gateway's statements after {} ms (its statement_timeout):"
					+ " the driver times none of them", server.toMillis());
			return null;
		}
		logger.info(
				"The host's database sessions start with statement_timeout {} ms, not within the gateway's"
						+ " {} ms: the driver times each of the gateway's statements",
				server.toMillis(), bound.toMillis());
		return bound;
	}

	/**
	 * The {@code statement_timeout} of a session of {@code dataSource}.
	 * @param dataSource the pool
	 * @return the timeout, zero when the server sets none
	 * @throws SQLException when the database does not answer
	 */
	public static Duration read(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(SQL);
				ResultSet result = statement.executeQuery()) {
			result.next();
			return Duration.ofMillis(result.getLong(1));
		}
	}

}
