package com.launcher.agentgateway.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GroupedAuditAppenderTests {

	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final List<Thread> callerThreads = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.callers.shutdownNow();
	}

	@Test
	void appendWhenAloneThenWrittenAtOnceAsAGroupOfOne() {
		RecordingStore store = new RecordingStore();
		GroupedAuditAppender log = new GroupedAuditAppender(store, 64);
		AuditEvent event = TestAuditEvents.full();

		log.append(event);

		assertThat(store.groups).containsExactly(List.of(event));
	}

	@Test
	void appendWhenOthersArriveDuringAWriteThenTheyAreWrittenTogetherInArrivalOrder() throws Exception {
		RecordingStore store = new RecordingStore();
		store.holdFirstGroup();
		GroupedAuditAppender log = new GroupedAuditAppender(store, 64);
		AuditEvent first = TestAuditEvents.full();
		Future<?> writing = call(() -> log.append(first));
		store.firstGroupStarted.await(5, TimeUnit.SECONDS);
		List<AuditEvent> later = new ArrayList<>();
		List<Future<?>> waiting = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			AuditEvent event = TestAuditEvents.full();
			later.add(event);
			waiting.add(call(() -> log.append(event)));
			awaitParked(i + 2);
		}

		store.releaseFirstGroup.countDown();
		writing.get(5, TimeUnit.SECONDS);
		for (Future<?> future : waiting) {
			future.get(5, TimeUnit.SECONDS);
		}

		assertThat(store.groups).containsExactly(List.of(first), later);
	}

	@Test
	void appendWhenMoreQueuedThanAGroupHoldsThenSeveralGroupsAndEveryEventOnce() throws Exception {
		RecordingStore store = new RecordingStore();
		Held held = queueBehindAHeldGroup(new GroupedAuditAppender(store, 2), store, 5);

		held.release();
		for (Future<?> future : held.waiting()) {
			future.get(5, TimeUnit.SECONDS);
		}

		assertThat(store.groups).allSatisfy((group) -> assertThat(group).hasSizeLessThanOrEqualTo(2));
		assertThat(store.groups.stream().mapToInt(List::size).sum()).isEqualTo(6);
		assertThat(store.groups.stream().flatMap(List::stream).distinct()).hasSize(6);
	}

	@Test
	void appendWhenOneEventOfAGroupIsRefusedThenOnlyItsCallerFails() throws Exception {
		AuditEvent bad = TestAuditEvents.full();
		RecordingStore store = new RecordingStore();
		store.refuse = Set.of(bad);
		store.holdFirstGroup();
		GroupedAuditAppender log = new GroupedAuditAppender(store, 64);
		Future<?> writing = call(() -> log.append(TestAuditEvents.full()));
		store.firstGroupStarted.await(5, TimeUnit.SECONDS);
		AuditEvent good = TestAuditEvents.full();
		Future<?> goodCall = call(() -> log.append(good));
		awaitParked(2);
		Future<?> badCall = call(() -> log.append(bad));
		awaitParked(3);

		store.releaseFirstGroup.countDown();
		writing.get(5, TimeUnit.SECONDS);
		goodCall.get(5, TimeUnit.SECONDS);

		assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
			.isThrownBy(() -> badCall.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(AuditEventRefusedException.class);
		assertThat(store.stored()).contains(good).doesNotContain(bad);
	}

	@Test
	void appendWhenTheDatabaseFailsThenTheWholeGroupFailsWithoutRetries() throws Exception {
		RecordingStore store = new RecordingStore();
		Held held = queueBehindAHeldGroup(new GroupedAuditAppender(store, 64), store, 3);
		store.downAfterFirstGroup = true;

		held.release();
		List<Future<?>> waiting = held.waiting();

		for (Future<?> future : waiting) {
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
				.withCauseInstanceOf(IllegalStateException.class);
		}
		assertThat(store.attempts).isEqualTo(2);
	}

	@Test
	void appendWhenTheStoreThrowsAnErrorThenWaitingCallersFailInsteadOfWaiting() throws Exception {
		RecordingStore store = new RecordingStore();
		Held held = queueBehindAHeldGroup(new GroupedAuditAppender(store, 64), store, 2);
		store.errorAfterFirstGroup = true;

		held.release();
		List<Future<?>> waiting = held.waiting();

		// Both waiting events went in the second group: its writer rethrows the error,
		// the other caller gets a failure instead of waiting for ever.
		List<Class<?>> causes = new ArrayList<>();
		for (Future<?> future : waiting) {
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
				.satisfies((ex) -> causes.add(ex.getCause().getClass()));
		}
		assertThat(causes).containsExactlyInAnyOrder(StackOverflowError.class, IllegalStateException.class);
	}

	@Test
	void constructorWhenGroupIsNotPositiveThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GroupedAuditAppender(new RecordingStore(), 0));
	}

	/**
	 * Starts one append whose group the store holds, then queues {@code waiters} more
	 * appends behind it, each parked before the next starts.
	 */
	private Held queueBehindAHeldGroup(GroupedAuditAppender log, RecordingStore store, int waiters) throws Exception {
		store.holdFirstGroup();
		Future<?> writing = call(() -> log.append(TestAuditEvents.full()));
		store.firstGroupStarted.await(5, TimeUnit.SECONDS);
		List<Future<?>> waiting = new ArrayList<>();
		for (int i = 0; i < waiters; i++) {
			waiting.add(call(() -> log.append(TestAuditEvents.full())));
			awaitParked(i + 2);
		}
		return new Held(store, writing, waiting);
	}

	/** An append held in the store and the appends queued behind it. */
	private record Held(RecordingStore store, Future<?> writing, List<Future<?>> waiting) {

		/** Lets the held group finish; its caller must succeed. */
		void release() throws Exception {
			this.store.releaseFirstGroup.countDown();
			this.writing.get(5, TimeUnit.SECONDS);
		}

	}

	private Future<?> call(Runnable append) {
		return this.callers.submit(() -> {
			this.callerThreads.add(Thread.currentThread());
			append.run();
		});
	}

	/**
	 * Waits until {@code count} callers have started and all but the writer are parked.
	 */
	private void awaitParked(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			if (this.callerThreads.size() >= count && this.callerThreads.stream()
				.filter((t) -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
				.count() >= count) {
				return;
			}
			Thread.sleep(1);
		}
		throw new AssertionError("callers did not queue");
	}

	/**
	 * Records groups; can hold the first one, refuse some events, or be down after the
	 * first group.
	 */
	private static final class RecordingStore implements AuditAppender {

		final List<List<AuditEvent>> groups = new CopyOnWriteArrayList<>();

		final CountDownLatch firstGroupStarted = new CountDownLatch(1);

		CountDownLatch releaseFirstGroup = new CountDownLatch(0);

		volatile Set<AuditEvent> refuse = Set.of();

		volatile boolean downAfterFirstGroup;

		volatile boolean errorAfterFirstGroup;

		volatile int attempts;

		void holdFirstGroup() {
			this.releaseFirstGroup = new CountDownLatch(1);
		}

		@Override
		public void appendAll(List<AuditEvent> events) {
			int attempt = ++this.attempts;
			if (this.firstGroupStarted.getCount() > 0) {
				this.firstGroupStarted.countDown();
				try {
					// The first writer parks here too, so it is counted as waiting.
					this.releaseFirstGroup.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (this.errorAfterFirstGroup && attempt > 1) {
				throw new StackOverflowError();
			}
			if (this.downAfterFirstGroup && attempt > 1) {
				throw new IllegalStateException("database down");
			}
			if (events.stream().anyMatch(this.refuse::contains)) {
				throw new AuditEventRefusedException(new IllegalArgumentException("value too long"));
			}
			this.groups.add(List.copyOf(events));
		}

		List<AuditEvent> stored() {
			return this.groups.stream().flatMap(List::stream).toList();
		}

	}

}
