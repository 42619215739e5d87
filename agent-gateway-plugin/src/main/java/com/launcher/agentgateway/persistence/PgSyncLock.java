package com.launcher.agentgateway.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import com.launcher.agentgateway.readmodel.SyncLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read model's sync lock: a PostgreSQL session advisory lock held on a connection of
 * its own for as long as the sync runs. A node that dies drops its connection and with it
 * the lock, so no lease needs to expire.
 */
public class PgSyncLock implements SyncLock {

	/** The lock's key: "agw-rm" read as a number, shared by every node. */
	static final long KEY = 0x6167772d726dL;

	private static final Logger logger = LoggerFactory.getLogger(PgSyncLock.class);

	private final DataSource dataSource;

	public PgSyncLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Optional<Held> tryLock() {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			if (!query(connection, "SELECT pg_try_advisory_lock(?)")) {
				connection.close();
				return Optional.empty();
			}
			Connection held = connection;
			return Optional.of(() -> unlock(held));
		}
		catch (SQLException ex) {
			close(connection);
			logger.warn("Could not take the read model's sync lock: {}", SqlFailures.describe(ex));
			return Optional.empty();
		}
	}

	private static void unlock(Connection connection) {
		try {
			query(connection, "SELECT pg_advisory_unlock(?)");
		}
		catch (SQLException ex) {
			// Closing the connection below drops the lock all the same.
			logger.debug("Could not release the sync lock: {}", SqlFailures.describe(ex));
		}
		close(connection);
	}

	private static boolean query(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, KEY);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void close(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the sync lock's connection: {}", SqlFailures.describe(ex));
		}
	}

}
