package com.launcher.agentgateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class DeferredAuditTests {

	private final FlakyLog log = new FlakyLog();

	private DeferredAudit deferred;

	@AfterEach
	void stop() {
		if (this.deferred != null) {
			this.deferred.stop();
		}
	}

	@Test
	void appendWhenTheLogTakesEventsThenWrittenInOrder() {
		start(10);
		this.deferred.append(event("r1"));
		this.deferred.append(event("r2"));

		await(() -> this.log.written.size() == 2);
		assertThat(this.log.written).extracting(AuditEvent::requestId).containsExactly("r1", "r2");
	}

	@Test
	void appendWhenTheLogIsDownThenKeptAndWrittenInOrderOnceItIsBack() {
		this.log.down.set(true);
		start(10);
		this.deferred.append(event("r1"));
		this.deferred.append(event("r2"));
		await(() -> this.log.attempts > 1);
		assertThat(this.log.written).isEmpty();
		// Between two attempts both wait in the queue; during one, the first is out for
		// writing, so the count is awaited rather than read at a moment of the worker's.
		await(() -> this.deferred.pending() == 2);

		this.log.down.set(false);

		await(() -> this.log.written.size() == 2);
		assertThat(this.log.written).extracting(AuditEvent::requestId).containsExactly("r1", "r2");
		assertThat(this.deferred.pending()).isZero();
	}

	@Test
	void appendWhenTheQueueOverflowsThenTheLossIsItselfAuditedOnceTheLogIsBack() {
		this.log.down.set(true);
		// All five come before the worker takes one, so the queue keeps the oldest two
		// and three are lost; an event out for writing while more come is the next
		// test's case.
		create(2);
		for (int i = 1; i <= 5; i++) {
			this.deferred.append(event("r" + i));
		}
		this.deferred.start();

		this.log.down.set(false);

		await(() -> this.log.written.stream().anyMatch((e) -> e.action().equals("audit.events_lost")));
		AuditEvent lost = this.log.written.get(this.log.written.size() - 1);
		assertThat(lost.action()).isEqualTo("audit.events_lost");
		assertThat(lost.details()).containsEntry("count", "3");
		assertThat(this.log.written).extracting(AuditEvent::requestId).startsWith("r1", "r2");
	}

	@Test
	void appendWhenTheQueueFillsWhileTheOldestIsOutForWritingThenTheNewestMakeWayAndTheOldestGoFirst() {
		this.log.down.set(true);
		this.log.hold = new CountDownLatch(1);
		start(2);
		this.deferred.append(event("r1"));
		// r1 is off the queue, its append still running, when four more come.
		await(() -> this.log.attempts == 1);
		for (int i = 2; i <= 5; i++) {
			this.deferred.append(event("r" + i));
		}

		this.log.hold.countDown();
		await(() -> this.log.attempts > 1);
		this.log.down.set(false);

		await(() -> this.log.written.stream().anyMatch((e) -> e.action().equals("audit.events_lost")));
		assertThat(this.log.written).extracting(AuditEvent::requestId).startsWith("r1", "r2");
		assertThat(this.log.written.get(this.log.written.size() - 1).details()).containsEntry("count", "3");
	}

	@Test
	void stopWhenEventsArePendingThenOneLastAttemptWritesThem() {
		this.log.down.set(true);
		// The worker would not retry for an hour: only stop() can write the event now.
		this.deferred = new DeferredAudit(this.log, 10, Duration.ofHours(1),
				Clock.fixed(TestAuditEvents.AT, ZoneOffset.UTC));
		this.deferred.start();
		this.deferred.append(event("r1"));
		await(() -> this.log.attempts == 1);
		this.log.down.set(false);

		this.deferred.stop();

		assertThat(this.log.written).extracting(AuditEvent::requestId).contains("r1");
	}

	private void start(int capacity) {
		create(capacity);
		this.deferred.start();
	}

	private void create(int capacity) {
		this.deferred = new DeferredAudit(this.log, capacity, Duration.ofMillis(20),
				Clock.fixed(TestAuditEvents.AT, ZoneOffset.UTC));
	}

	private static AuditEvent event(String requestId) {
		return AuditEvent.builder("token.use", AuditEvent.Outcome.DENIED)
			.at(TestAuditEvents.AT)
			.request(requestId, "10.0.0.7")
			.reason("cannot_decide")
			.build();
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	/** An audit log whose appends fail while it is "down". */
	private static final class FlakyLog implements AuditLog {

		final AtomicBoolean down = new AtomicBoolean();

		final List<AuditEvent> written = new CopyOnWriteArrayList<>();

		volatile int attempts;

		/** When set, an append waits for it before it succeeds or fails. */
		volatile CountDownLatch hold;

		private final AuditLog rest = mock(AuditLog.class);

		@Override
		public void append(AuditEvent event) {
			this.attempts++;
			CountDownLatch latch = this.hold;
			if (latch != null) {
				try {
					latch.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (this.down.get()) {
				throw new IllegalStateException("database down");
			}
			this.written.add(event);
		}

		@Override
		public AuditPage query(AuditQuery query) {
			return this.rest.query(query);
		}

		@Override
		public ChainVerification verify() {
			return this.rest.verify();
		}

	}

}
