package com.launcher.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many times PostgreSQL has scanned a table, read once the counters have settled, so
 * that a test or a benchmark can count the work one call does.
 */
public final class TableScans {

	private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

	private TableScans() {
	}

	/**
	 * Sequential plus index scans of {@code table} once every backend has reported.
	 * PostgreSQL 14 backends send their counters only when a transaction ends at least
	 * 500 ms after their last report, so an idle pooled connection may hold some back:
	 * wait, run a statement on every idle pooled connection of every node, wait again,
	 * and read until two reads agree.
	 * @param jdbc the cluster's database
	 * @param table the table
	 * @param nodes the nodes whose pools may hold counters back
	 * @return the settled count
	 */
	public static long settled(JdbcTemplate jdbc, String table, LauncherNode... nodes) {
		return settledCounter(jdbc, table, "coalesce(seq_scan, 0) + coalesce(idx_scan, 0)", nodes);
	}

	/**
	 * Rows inserted plus rows updated in {@code table}, settled as {@link #settled} is:
	 * the number of writes that changed a row.
	 * @param jdbc the cluster's database
	 * @param table the table
	 * @param nodes the nodes whose pools may hold counters back
	 * @return the settled count
	 */
	public static long settledWrites(JdbcTemplate jdbc, String table, LauncherNode... nodes) {
		return settledCounter(jdbc, table, "coalesce(n_tup_ins, 0) + coalesce(n_tup_upd, 0)", nodes);
	}

	private static long settledCounter(JdbcTemplate jdbc, String table, String counter, LauncherNode... nodes) {
		if (!TABLE.matcher(table).matches()) {
			throw new IllegalArgumentException("table must be a plain identifier");
		}
		long previous = -1;
		for (int i = 0; i < 10; i++) {
			pause(600);
			for (LauncherNode node : nodes) {
				touchIdleConnections(node);
			}
			pause(700);
			Long current = jdbc.queryForObject("SELECT " + counter + " FROM pg_stat_user_tables WHERE relname = ?",
					Long.class, table);
			if (current != null && current == previous) {
				return current;
			}
			previous = (current != null) ? current : -1;
		}
		throw new IllegalStateException(table + " statistics did not settle");
	}

	private static void touchIdleConnections(LauncherNode node) {
		HikariDataSource pool = (HikariDataSource) node.context().getBean(DataSource.class);
		// The gateway keeps one connection for LISTEN: touch the ones the pool can give.
		int idle = pool.getHikariPoolMXBean().getTotalConnections() - pool.getHikariPoolMXBean().getActiveConnections();
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < idle; i++) {
				Connection connection = pool.getConnection();
				held.add(connection);
				try (Statement statement = connection.createStatement()) {
					statement.execute("SELECT 1");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			for (Connection connection : held) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// Returned to the pool or gone; either way not ours any more.
				}
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
