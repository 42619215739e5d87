package com.launcher.tasker.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends response bodies that outlive their exchange's time limit. The JDK client's request
 * timeout stops counting once the response headers have arrived, so a Tasker that sends
 * headers and then stalls mid-body would otherwise hold its caller for ever.
 * <p>
 * One daemon thread for the whole JVM looks at the bodies being read every {@link #TICK}.
 * A body registers itself when its headers arrive and leaves when it completes, so the
 * exchanges themselves never wake the thread: a timed park per exchange (as a
 * {@code ScheduledExecutorService} would do) costs a wake-up each time the queue was
 * empty, which is every exchange of a caller on its own.
 */
final class BodyDeadlines {

	/** How late a stalled body may be ended, beyond its deadline. */
	static final Duration TICK = Duration.ofMillis(50);

	private static final Logger logger = LoggerFactory.getLogger(BodyDeadlines.class);

	private static final Set<Expiring> READING = ConcurrentHashMap.newKeySet();

	static {
		Thread sweeper = new Thread(BodyDeadlines::sweep, "tasker-body-deadlines");
		sweeper.setDaemon(true);
		sweeper.start();
	}

	private BodyDeadlines() {
	}

	/** Something that must end by its deadline. */
	interface Expiring {

		/**
		 * @return the {@link System#nanoTime()} by which it must have ended
		 */
		long deadline();

		/** Ends it now; called once at most, from the sweeping thread. */
		void expire();

	}

	static void watch(Expiring body) {
		READING.add(body);
	}

	static void forget(Expiring body) {
		READING.remove(body);
	}

	/** The bodies being watched, for tests. */
	static int watched() {
		return READING.size();
	}

	private static void sweep() {
		long tick = TICK.toNanos();
		while (true) {
			LockSupport.parkNanos(tick);
			if (READING.isEmpty()) {
				continue;
			}
			long now = System.nanoTime();
			for (Expiring body : READING) {
				if (now - body.deadline() >= 0 && READING.remove(body)) {
					try {
						body.expire();
					}
					catch (RuntimeException ex) {
						logger.warn("Could not end an overdue Tasker response body: {}", ex.getClass().getSimpleName());
					}
				}
			}
		}
	}

}
