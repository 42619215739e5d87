package com.launcher.agentgateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events off the request thread, retrying until the log takes them: the events of
 * requests refused because the gateway could not decide, which happens when the database
 * is the problem. Writing them on the request thread would add a second database timeout
 * to the refusal (issue 18 point 5: 503 within seconds); dropping them would break A1,
 * every denied request leaves an event. The queue is bounded; when it overflows, the
 * count of events that could not be kept is itself audited once the log takes events
 * again.
 */
public class DeferredAudit {

	private static final Logger logger = LoggerFactory.getLogger(DeferredAudit.class);

	private final AuditLog log;

	private final BlockingDeque<AuditEvent> queue;

	private final Duration retryEvery;

	private final Clock clock;

	private final AtomicLong lost = new AtomicLong();

	private volatile Thread worker;

	public DeferredAudit(AuditLog log, int capacity, Duration retryEvery, Clock clock) {
		this.log = log;
		this.queue = new LinkedBlockingDeque<>(capacity);
		this.retryEvery = retryEvery;
		this.clock = clock;
	}

	/**
	 * Queues one event; never blocks and never throws.
	 * @param event the event, with the time it happened
	 */
	public void append(AuditEvent event) {
		if (!this.queue.offer(event)) {
			this.lost.incrementAndGet();
		}
	}

	/** Events waiting for the log. */
	public int pending() {
		return this.queue.size();
	}

	public synchronized void start() {
		if (this.worker == null) {
			Thread thread = new Thread(this::run, "agent-gateway-deferred-audit");
			thread.setDaemon(true);
			this.worker = thread;
			thread.start();
		}
	}

	/**
	 * Stops the worker after one last attempt at what is queued; what the log still
	 * refuses then is lost with the process, and said so in the log.
	 */
	public synchronized void stop() {
		Thread thread = this.worker;
		this.worker = null;
		if (thread == null) {
			return;
		}
		thread.interrupt();
		try {
			thread.join(this.retryEvery.toMillis() * 2 + 1_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		drain();
		if (!this.queue.isEmpty() || this.lost.get() > 0) {
			logger.warn("{} audit events could not be written before the plugin stopped",
					this.queue.size() + this.lost.get());
		}
	}

	private void run() {
		while (this.worker == Thread.currentThread()) {
			try {
				AuditEvent next = this.queue.poll(this.retryEvery.toMillis(), TimeUnit.MILLISECONDS);
				if (next == null) {
					continue;
				}
				appendOrRequeue(next);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void appendOrRequeue(AuditEvent first) throws InterruptedException {
		AuditEvent next = first;
		while (next != null) {
			if (!tryAppend(next)) {
				// Back to the head, so that events reach the chain in the order they
				// happened. If the queue filled while this one was out, the newest
				// makes way, as append() keeps the oldest when the queue is full.
				if (!this.queue.offerFirst(next)) {
					if (this.queue.pollLast() != null) {
						this.lost.incrementAndGet();
					}
					if (!this.queue.offerFirst(next)) {
						this.lost.incrementAndGet();
					}
				}
				Thread.sleep(this.retryEvery.toMillis());
				return;
			}
			next = this.queue.poll();
		}
		reportLost();
	}

	private void drain() {
		AuditEvent next;
		while ((next = this.queue.peek()) != null && tryAppend(next)) {
			this.queue.poll();
		}
		reportLost();
	}

	private void reportLost() {
		long count = this.lost.getAndSet(0);
		if (count > 0 && !tryAppend(AuditEvent.builder("audit.events_lost", AuditEvent.Outcome.FAILED)
			.at(this.clock.instant())
			.reason("deferred_queue_full")
			.detail("count", count)
			.build())) {
			this.lost.addAndGet(count);
		}
	}

	private boolean tryAppend(AuditEvent event) {
		try {
			this.log.append(event);
			return true;
		}
		catch (RuntimeException ex) {
			logger.debug("Deferred audit event not written yet ({})", ex.getClass().getSimpleName());
			return false;
		}
	}

}
