package com.launcher.host.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out the pool's connections for schema migrations with no server-side statement
 * timeout, and puts the session's own back before a connection returns to the pool.
 * <p>
 * The pool opens its sessions with the host's statement timeout
 * ({@link DatabaseConfiguration}), which plugins rely on to bound their requests. A
 * change set that rewrites a large table takes longer, once, at start: cut off at the
 * bound it would stop the host starting. {@code RESET} restores the value the session
 * started with, so the next borrower gets the bound back; when it cannot be restored the
 * connection is aborted rather than returned unbounded. (The gateway plugin migrates its
 * own schema the same way; a plugin sees none of the host's classes.)
 */
public class SchemaChangeDataSource extends DelegatingDataSource {

	public SchemaChangeDataSource(DataSource pool) {
		super(pool);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return untimed(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return untimed(super.getConnection(username, password));
	}

	private static Connection untimed(Connection connection) throws SQLException {
		try {
			execute(connection, "SET statement_timeout = 0");
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return (Connection) Proxy.newProxyInstance(SchemaChangeDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new Restoring(connection));
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static final class Restoring implements InvocationHandler {

		private final Connection connection;

		private boolean closed;

		Restoring(Connection connection) {
			this.connection = connection;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "close":
					close();
					return null;
				case "isClosed":
					return this.closed || this.connection.isClosed();
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				default:
					try {
						return method.invoke(this.connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
			}
		}

		private void close() throws SQLException {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				if (!this.connection.isClosed()) {
					// In a transaction the reset would be undone by the pool's rollback.
					boolean autoCommit = this.connection.getAutoCommit();
					if (!autoCommit) {
						this.connection.rollback();
					}
					execute(this.connection, "RESET statement_timeout");
					if (!autoCommit) {
						this.connection.commit();
					}
				}
			}
			catch (SQLException ex) {
				this.connection.abort(Runnable::run);
			}
			finally {
				this.connection.close();
			}
		}

	}

}
