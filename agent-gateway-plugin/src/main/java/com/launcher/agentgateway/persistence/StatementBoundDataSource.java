package com.launcher.agentgateway.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out the pool's connections with a network timeout: a statement whose answer does
 * not come within it fails and its connection is dropped. A statement timeout alone does
 * not do this: the driver cancels a statement by asking the server, and a hung server
 * answers neither the statement nor the cancel. The pool restores the connection's own
 * timeout when it is given back, so the bound stays with this data source's users. (The
 * host bounds its own statements the same way; a plugin sees none of the host's classes.)
 */
public class StatementBoundDataSource extends DelegatingDataSource {

	// The PostgreSQL driver applies the timeout to its socket and runs nothing on the
	// executor, which JDBC nevertheless requires.
	private static final Executor UNUSED = Runnable::run;

	private final int timeoutMillis;

	public StatementBoundDataSource(DataSource pool, Duration timeout) {
		super(pool);
		this.timeoutMillis = Math.toIntExact(timeout.toMillis());
	}

	@Override
	public Connection getConnection() throws SQLException {
		return bound(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return bound(super.getConnection(username, password));
	}

	private Connection bound(Connection connection) throws SQLException {
		try {
			connection.setNetworkTimeout(UNUSED, this.timeoutMillis);
			return connection;
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

}
