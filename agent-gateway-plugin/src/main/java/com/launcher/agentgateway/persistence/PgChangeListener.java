package com.launcher.agentgateway.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-node invalidation for a node-local cache (DESIGN §7): one dedicated connection
 * {@code LISTEN}s on a PostgreSQL channel, and every notification on it runs the
 * callback, so every node drops its copy as soon as any node commits a change.
 * <p>
 * Whenever the listener cannot vouch that it heard everything (it has just connected, or
 * its connection failed), it runs the callback as well: "unknown" is treated as
 * "changed". A quiet connection runs {@code SELECT 1} every 15 seconds, and every
 * statement on it gives up after 10 seconds, so a peer that vanished without a reset is
 * noticed rather than waited on. The connection is handed back and taken again every
 * {@code recycleAfter}, so the pool's lifetime rules still apply to it.
 * <p>
 * Plain JDBC, where every store uses MyBatis: {@code LISTEN} binds a channel to one
 * connection, and notifications arrive through the driver's own API
 * ({@link PGConnection#getNotifications(int)}) on that connection, which a mapper, whose
 * connection is borrowed for one statement and handed back, cannot hold.
 */
public final class PgChangeListener implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(PgChangeListener.class);

	private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	/** How often a quiet listening connection proves that the server is still there. */
	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	/** The longest one statement on the listening connection may wait for the server. */
	private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);

	private final DataSource dataSource;

	private final String channel;

	private final Runnable onChange;

	private final Duration poll;

	private final Duration recycleAfter;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile boolean listening;

	/**
	 * Starts listening at once, on a daemon thread.
	 * @param dataSource where to take the connection from
	 * @param channel the channel, a plain lower-case identifier
	 * @param onChange what to run on a notification, and whenever one may have been
	 * missed
	 * @param poll how long one wait for notifications lasts (also the longest a stop
	 * waits)
	 * @param recycleAfter how long one connection is kept before it is taken anew
	 */
	public PgChangeListener(DataSource dataSource, String channel, Runnable onChange, Duration poll,
			Duration recycleAfter) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("channel must be a plain identifier");
		}
		this.channel = channel;
		this.onChange = Objects.requireNonNull(onChange, "onChange");
		this.poll = poll;
		this.recycleAfter = recycleAfter;
		this.thread = new Thread(this::run, "agw-listen-" + channel);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** The statement that tells every listening node that {@code channel} changed. */
	public static String notifySql(String channel) {
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("channel must be a plain identifier");
		}
		return "SELECT pg_notify('" + channel + "', '')";
	}

	/**
	 * Whether the listener currently holds a listening connection; for tests and health.
	 */
	public boolean isListening() {
		return this.listening;
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(this.poll.toMillis() * 4 + 1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		long backoffMillis = 200;
		while (this.running) {
			try {
				listenOnce();
				backoffMillis = 200;
			}
			catch (SQLException | RuntimeException ex) {
				this.listening = false;
				if (!this.running) {
					break;
				}
				logger.warn("Listening on {} failed ({}); caches are re-read until it is back", this.channel,
						SqlFailures.describe(ex));
				changed();
				sleep(backoffMillis);
				backoffMillis = Math.min(backoffMillis * 2, 10_000);
			}
		}
		this.listening = false;
	}

	private void listenOnce() throws SQLException {
		long until = System.nanoTime() + this.recycleAfter.toNanos();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			// A peer that vanished without a reset (a dropped NAT entry, a failover) must
			// fail a statement rather than hang it. The pool restores the timeout when
			// the connection goes back.
			connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
			try (Statement statement = connection.createStatement()) {
				statement.execute("LISTEN " + this.channel);
			}
			try {
				// Anything may have changed while nobody listened.
				changed();
				this.listening = true;
				PGConnection postgres = connection.unwrap(PGConnection.class);
				long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
				while (this.running && System.nanoTime() < until) {
					PGNotification[] notifications = postgres.getNotifications((int) this.poll.toMillis());
					if (notifications != null && notifications.length > 0) {
						changed();
					}
					if (System.nanoTime() - nextHeartbeat >= 0) {
						// Waiting for notices sends nothing, so a dead peer would look
						// like a quiet one: ask the server something now and then.
						try (Statement statement = connection.createStatement()) {
							statement.execute("SELECT 1");
						}
						nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
					}
				}
			}
			finally {
				this.listening = false;
				try (Statement statement = connection.createStatement()) {
					// The connection goes back to a shared pool: leave it as it came.
					statement.execute("UNLISTEN " + this.channel);
				}
			}
		}
	}

	private void changed() {
		try {
			this.onChange.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Change callback for {} failed: {}", this.channel, SqlFailures.describe(ex));
		}
	}

	private void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
