package com.launcher.agentgateway.audit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import com.launcher.agentgateway.core.FailureNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the audit log to a sink (a file a SIEM ships, issue 18 point 4), in chain
 * order, at least once. The sink's cursor is a row in PostgreSQL: each batch is written
 * and made durable by the sink before the cursor moves past it, in the transaction that
 * holds the one-node lock, so a restart (or a crash) repeats at most the last batch the
 * cursor had not acknowledged, and loses nothing. One node streams at a time; the others
 * skip their passes while it does, and take over when it stops. The retention never
 * deletes what a sink has not taken.
 */
public class AuditStreamer {

	/** The most batches in one pass; the next pass goes on where this one stopped. */
	static final int MAX_BATCHES_PER_PASS = 100;

	private static final Logger logger = LoggerFactory.getLogger(AuditStreamer.class);

	private final Store store;

	private final Sink sink;

	private final String sinkName;

	private final int batch;

	private final Duration interval;

	private final FailureNames failures;

	private volatile long behind;

	private Periodic passes;

	/**
	 * @param store where the events and the cursor are
	 * @param sink where the events go, or {@code null} when streaming is off
	 * @param sinkName the cursor's name
	 * @param batch the most events per batch
	 * @param interval how often a pass runs
	 * @param failures what the log says of the store's failure (the sink names its own)
	 */
	public AuditStreamer(Store store, Sink sink, String sinkName, int batch, Duration interval, FailureNames failures) {
		if (batch < 1) {
			throw new IllegalArgumentException("batch must be positive");
		}
		this.store = store;
		this.sink = sink;
		this.sinkName = Objects.requireNonNull(sinkName, "sinkName");
		this.batch = batch;
		this.interval = interval;
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	/** Schedules the passes; the plugin's context calls it once it has started. */
	public void start() {
		if (this.sink == null) {
			return;
		}
		this.passes = Periodic.start("agent-gateway-audit-stream", this::runOnce, Duration.ZERO, this.interval);
	}

	/**
	 * One pass: batches until the sink has caught up, another node streams, or the pass
	 * has done its share. Failures (the database, the sink) are logged and the pass
	 * retried at the next interval, from the cursor.
	 * @return how many events went to the sink
	 */
	public long runOnce() {
		if (this.sink == null) {
			return 0;
		}
		long streamed = 0;
		Batch batch = new Batch();
		try {
			for (int i = 0; i < MAX_BATCHES_PER_PASS && !Thread.currentThread().isInterrupted(); i++) {
				batch.first = -1;
				Pass pass = this.store.streamNext(this.sinkName, this.batch, batch::write);
				this.behind = pass.behind();
				streamed += pass.streamed();
				if (!pass.streaming() || pass.streamed() < this.batch) {
					break;
				}
			}
		}
		catch (RuntimeException ex) {
			logFailure(batch, ex);
		}
		return streamed;
	}

	/**
	 * Says where the pass stopped and why, in the store's and the sink's own safe words:
	 * never an exception's message as such, which may quote an event's values.
	 */
	private void logFailure(Batch batch, RuntimeException ex) {
		if (batch.first < 0) {
			logger.warn("Audit streaming to '{}' could not read the next events from the database ({});"
					+ " retrying in {}", this.sinkName, this.failures.of(ex), this.interval);
		}
		else if (batch.sinkFailed) {
			logger.warn(
					"Audit streaming to '{}' could not write events {} to {} ({}); the cursor stays at {},"
							+ " retrying in {}",
					this.sinkName, batch.first, batch.last, this.sink.describe(ex), batch.first - 1, this.interval);
		}
		else {
			logger.warn(
					"Audit streaming to '{}' wrote events {} to {} but could not move the cursor past them ({});"
							+ " they come again, retrying in {}",
					this.sinkName, batch.first, batch.last, this.failures.of(ex), this.interval);
		}
	}

	/** How many events the sink has not yet taken, as of this node's last pass. */
	public long behind() {
		return this.behind;
	}

	/** Stops the passes; the plugin's context calls it when it stops. */
	public void stop() {
		if (this.passes != null) {
			// A batch interrupted in its write comes again: its cursor has not moved.
			this.passes.stop();
		}
	}

	/** The batch a pass has in hand, for the log when it fails. */
	private final class Batch {

		private long first = -1;

		private long last;

		private boolean sinkFailed;

		void write(List<StreamedEvent> events) {
			this.first = events.get(0).seq();
			this.last = events.get(events.size() - 1).seq();
			try {
				AuditStreamer.this.sink.write(events);
			}
			catch (RuntimeException ex) {
				this.sinkFailed = true;
				throw ex;
			}
		}

	}

	/** Where the events and the sinks' cursors are stored. */
	public interface Store {

		/**
		 * Under the sink's one-node lock, in one transaction: makes the sink's cursor if
		 * it has none (before the oldest stored event), hands the events after it (at
		 * most {@code batch}, in chain order) to {@code writer}, and once the writer has
		 * returned moves the cursor to the last of them. A writer that throws leaves the
		 * cursor where it was. Without the lock it hands nothing over.
		 * @param sink the cursor's name
		 * @param batch the most events
		 * @param writer takes the events, durably, or throws
		 * @return what the pass did
		 */
		Pass streamNext(String sink, int batch, Consumer<List<StreamedEvent>> writer);

	}

	/** Where a SIEM picks the events up. */
	public interface Sink {

		/**
		 * Appends the events; they must be durable when it returns.
		 * @param events the events, in chain order
		 */
		void write(List<StreamedEvent> events);

		/**
		 * What an operator needs to know of the sink's failure, without secrets or
		 * events' values.
		 * @param failure what {@link #write} threw
		 * @return a short reason
		 */
		default String describe(RuntimeException failure) {
			return failure.getClass().getSimpleName();
		}

	}

	/**
	 * An event with its place in the chain, so a receiver can check continuity:
	 * {@code prevHash} equals the previous event's {@code hash}, and {@code seq} rises by
	 * one.
	 *
	 * @param seq its position
	 * @param prevHash the link before it
	 * @param hash its link
	 * @param event the event
	 */
	public record StreamedEvent(long seq, byte[] prevHash, byte[] hash, AuditEvent event) {

		public StreamedEvent {
			Objects.requireNonNull(prevHash, "prevHash");
			Objects.requireNonNull(hash, "hash");
			Objects.requireNonNull(event, "event");
		}

	}

	/**
	 * One batch's outcome.
	 *
	 * @param streaming whether this node held the lock
	 * @param streamed how many events went to the sink
	 * @param behind how many stored events the sink has not taken after it
	 */
	public record Pass(boolean streaming, int streamed, long behind) {
	}

}
