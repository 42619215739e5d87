package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.agentgateway.budget.CallClass;
import com.launcher.agentgateway.budget.TaskerBudgetSettings;
import com.launcher.agentgateway.budget.TaskerBudgetStatus;
import com.launcher.agentgateway.budget.TaskerBudgetStore;
import com.launcher.agentgateway.budget.TaskerBudgetStore.Attempt;
import com.launcher.agentgateway.budget.TaskerBudgetStore.Request;
import com.launcher.agentgateway.budget.TaskerCaller;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared Tasker budget on PostgreSQL, with two "nodes" (two stores, each with a pool
 * of its own) on one database. Time is given to each statement, so a test replays minutes
 * in milliseconds; the admission rule is the same statement production runs on the
 * database's clock.
 */
class MybatisTaskerBudgetStoreTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	/** 66 a minute with bursts of 6: the bucket refills one call a second. */
	private static final TaskerBudgetSettings SETTINGS = new TaskerBudgetSettings(66, 6, 2, 4, 0.5,
			Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30));

	private static final Duration HOLD = Duration.ofSeconds(10);

	private static HikariDataSource secondPool;

	private TaskerBudgetStore node1;

	private TaskerBudgetStore node2;

	@BeforeAll
	static void secondNode() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(DATABASE.dataSource().getJdbcUrl());
		config.setUsername("postgres");
		config.setMaximumPoolSize(10);
		secondPool = new HikariDataSource(config);
	}

	@AfterAll
	static void closeSecondNode() {
		secondPool.close();
	}

	@BeforeEach
	void emptyBudget() {
		TestDatabase.jdbc(DATABASE.dataSource())
			.getJdbcTemplate()
			.execute("DELETE FROM agw_tasker_call; DELETE FROM agw_tasker_wait;"
					+ " UPDATE agw_tasker_budget SET tokens = 0, refilled_at = '2000-01-01T00:00:00Z',"
					+ " paused_until = '2000-01-01T00:00:00Z'");
		this.node1 = new MybatisTaskerBudgetStore(TestDatabase.sessions(DATABASE.dataSource()));
		this.node2 = new MybatisTaskerBudgetStore(TestDatabase.sessions(secondPool));
	}

	@Test
	void tryAdmitWhenTwoNodesRaceThenTogetherTheyTakeExactlyTheBurstAndThenTheRefill() throws Exception {
		assertThat(race(T0, 40)).as("a full bucket, no more").isEqualTo(6);
		assertThat(race(T0.plusSeconds(3), 40)).as("three seconds of refill").isEqualTo(3);
		assertThat(race(T0.plusSeconds(3), 40)).isZero();
	}

	@Test
	void tryAdmitWhenDrivenHardForMinutesThenNoSixtySecondsHoldMoreThanPerMinute() {
		List<Instant> admitted = new ArrayList<>();
		TaskerCaller caller = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());
		for (int step = 0; step < 600; step++) {
			Instant now = T0.plusMillis(step * 250L);
			TaskerBudgetStore node = (step % 2 == 0) ? this.node1 : this.node2;
			if (node.tryAdmit(request(UUID.randomUUID(), caller, 1, Duration.ZERO, now)).admitted()) {
				admitted.add(now);
			}
		}
		int most = 0;
		for (Instant start : admitted) {
			Instant end = start.plusSeconds(60);
			most = Math.max(most,
					(int) admitted.stream().filter((at) -> !at.isBefore(start) && at.isBefore(end)).count());
		}
		assertThat(most).as("any 60 s").isLessThanOrEqualTo(SETTINGS.perMinute()).isGreaterThan(60);
		// The burst, then one a second.
		assertThat(admitted).hasSizeBetween(150, 6 + 150);
	}

	@Test
	void tryAdmitWhenReadsDrainTheBucketThenTheyLeaveTheWriteReserve() {
		TaskerCaller reader = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());
		int reads = 0;
		while (this.node1.tryAdmit(request(UUID.randomUUID(), reader, 1, Duration.ZERO, T0)).admitted()) {
			reads++;
		}
		assertThat(reads).isEqualTo(6 - 2);
		TaskerCaller writer = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());
		assertThat(this.node2.tryAdmit(request(UUID.randomUUID(), writer, 2, Duration.ZERO, T0)).admitted())
			.as("the two calls reads must leave")
			.isTrue();
	}

	@Test
	void tryAdmitWhenAWriteAndAReadWaitThenTheWriteGoesFirstWhateverCameFirst() {
		drain(T0);
		UUID read = UUID.randomUUID();
		TaskerCaller reader = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());
		assertThat(this.node1.tryAdmit(request(read, reader, 1, HOLD, T0)).admitted()).isFalse();
		UUID write = UUID.randomUUID();
		TaskerCaller writer = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());
		assertThat(this.node2.tryAdmit(request(write, writer, 1, HOLD, T0.plusMillis(500))).admitted()).isFalse();

		// Four seconds on: room for the read's call and its reserve, but the write waits.
		Attempt readLater = this.node1.tryAdmit(request(read, reader, 1, HOLD, T0.plusSeconds(3)));
		assertThat(readLater.admitted()).as("the write waits ahead of it").isFalse();
		assertThat(this.node2.tryAdmit(request(write, writer, 1, HOLD, T0.plusSeconds(3))).admitted()).isTrue();
		assertThat(this.node1.tryAdmit(request(read, reader, 1, HOLD, T0.plusSeconds(4))).admitted()).isTrue();
		assertThat(waiting(T0.plusSeconds(4))).as("both left the queue").isZero();
	}

	@Test
	void tryAdmitWhenABusyAgentAndAnotherWaitThenTheOtherGoesFirst() {
		UUID owner = UUID.randomUUID();
		TaskerCaller busy = TaskerCaller.interactive(UUID.randomUUID(), owner);
		TaskerCaller quiet = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());
		while (this.node1.tryAdmit(request(UUID.randomUUID(), busy, 1, Duration.ZERO, T0)).admitted()) {
			// The busy agent spends all it may.
		}
		UUID busyCall = UUID.randomUUID();
		assertThat(this.node1.tryAdmit(request(busyCall, busy, 1, HOLD, T0)).admitted()).isFalse();
		UUID quietCall = UUID.randomUUID();
		assertThat(this.node2.tryAdmit(request(quietCall, quiet, 1, HOLD, T0.plusMillis(200))).admitted()).isFalse();

		// One second on, the bucket holds one call above the reserve: it is the quiet
		// agent's, though the busy one asked first and asks again first.
		Instant later = T0.plusMillis(1_000);
		assertThat(this.node1.tryAdmit(request(busyCall, busy, 1, HOLD, later)).admitted()).isFalse();
		assertThat(this.node2.tryAdmit(request(quietCall, quiet, 1, HOLD, later)).admitted()).isTrue();
		assertThat(this.node1.tryAdmit(request(busyCall, busy, 1, HOLD, T0.plusMillis(2_000))).admitted()).isTrue();
	}

	@Test
	void tryAdmitWhenOneOwnerRunsManyAgentsThenAnotherOwnersAgentGoesFirst() {
		UUID busyOwner = UUID.randomUUID();
		for (int i = 0; i < 4; i++) {
			TaskerCaller agent = TaskerCaller.interactive(UUID.randomUUID(), busyOwner);
			assertThat(this.node1.tryAdmit(request(UUID.randomUUID(), agent, 1, Duration.ZERO, T0)).admitted())
				.isTrue();
		}
		// A fresh agent of the busy owner has spent nothing itself, but its owner has.
		TaskerCaller fresh = TaskerCaller.interactive(UUID.randomUUID(), busyOwner);
		TaskerCaller other = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());
		UUID freshCall = UUID.randomUUID();
		UUID otherCall = UUID.randomUUID();
		assertThat(this.node1.tryAdmit(request(freshCall, fresh, 1, HOLD, T0)).admitted()).isFalse();
		assertThat(this.node2.tryAdmit(request(otherCall, other, 1, HOLD, T0.plusMillis(100))).admitted()).isFalse();

		Instant later = T0.plusSeconds(1);
		assertThat(this.node1.tryAdmit(request(freshCall, fresh, 1, HOLD, later)).admitted()).isFalse();
		assertThat(this.node2.tryAdmit(request(otherCall, other, 1, HOLD, later)).admitted()).isTrue();
	}

	@Test
	void tryAdmitWhenSyncAsksThenItLeavesItsReserveAndKeepsToItsShare() {
		TaskerCaller sync = TaskerCaller.sync();
		TaskerCaller reader = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());
		assertThat(this.node1.tryAdmit(request(UUID.randomUUID(), sync, 1, Duration.ZERO, T0)).admitted())
			.as("a full bucket of 6 leaves the 4 the sync must leave")
			.isTrue();
		assertThat(this.node1.tryAdmit(request(UUID.randomUUID(), sync, 1, Duration.ZERO, T0)).admitted()).isTrue();
		Attempt third = this.node1.tryAdmit(request(UUID.randomUUID(), sync, 1, Duration.ZERO, T0));
		assertThat(third.admitted()).isFalse();
		assertThat(third.retryIn()).as("until the bucket holds 5 again").isEqualTo(Duration.ofSeconds(1));
		assertThat(this.node1.tryAdmit(request(UUID.randomUUID(), reader, 1, Duration.ZERO, T0)).admitted())
			.as("what the sync left is everyone else's")
			.isTrue();

		// Its share, however idle the bucket is: 4 in any 60 s here.
		TaskerBudgetSettings small = new TaskerBudgetSettings(66, 6, 2, 4, 0.07, Duration.ofSeconds(5),
				Duration.ofSeconds(15), Duration.ofSeconds(30));
		emptyBudget();
		int admitted = 0;
		for (int second = 0; second < 40; second += 10) {
			if (this.node1
				.tryAdmit(new Request(UUID.randomUUID(), sync, 1, small, Duration.ZERO, T0.plusSeconds(second)))
				.admitted()) {
				admitted++;
			}
		}
		assertThat(admitted).isEqualTo(4);
		Attempt capped = this.node1
			.tryAdmit(new Request(UUID.randomUUID(), sync, 1, small, Duration.ZERO, T0.plusSeconds(40)));
		assertThat(capped.admitted()).as("a full bucket, but its share is spent").isFalse();
		assertThat(capped.retryIn()).as("until its first call leaves the 60 s").isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void pauseWhenTaskerAnswered429ThenNoNodeAdmitsAnythingUntilRetryAfterHasPassed() {
		TaskerCaller writer = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());
		this.node1.pause(Duration.ofSeconds(30), T0);

		Attempt during = this.node2.tryAdmit(request(UUID.randomUUID(), writer, 1, Duration.ZERO, T0.plusSeconds(29)));
		assertThat(during.admitted()).as("not even a write, not on the other node").isFalse();
		assertThat(during.retryIn()).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.node2.status(SETTINGS, T0.plusSeconds(29)).paused()).isTrue();
		// The key was spent: the bucket refills from the pause's end.
		assertThat(this.node2.tryAdmit(request(UUID.randomUUID(), writer, 1, Duration.ZERO, T0.plusSeconds(30)))
			.admitted()).isFalse();
		assertThat(this.node1.tryAdmit(request(UUID.randomUUID(), writer, 1, Duration.ZERO, T0.plusSeconds(31)))
			.admitted()).isTrue();
		assertThat(this.node1.status(SETTINGS, T0.plusSeconds(31)).paused()).isFalse();
	}

	@Test
	void tryAdmitWhenAQueuedCallsHoldHasLapsedThenItNoLongerRanksAhead() {
		drain(T0);
		TaskerCaller writer = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());
		assertThat(this.node1.tryAdmit(request(UUID.randomUUID(), writer, 1, Duration.ofSeconds(1), T0)).admitted())
			.isFalse();
		TaskerCaller reader = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());
		// A node that died with a write queued: after its hold, reads are not kept behind
		// it.
		assertThat(
				this.node2.tryAdmit(request(UUID.randomUUID(), reader, 1, Duration.ZERO, T0.plusSeconds(3))).admitted())
			.isTrue();
	}

	@Test
	void chargeWhenPagesWereWalkedThenTheBucketGoesIntoDebtThatLaterCallsWaitOut() {
		TaskerCaller reader = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());
		this.node1.charge(reader, 9, SETTINGS, T0);

		Attempt attempt = this.node2.tryAdmit(request(UUID.randomUUID(), reader, 1, Duration.ZERO, T0));
		assertThat(attempt.admitted()).isFalse();
		assertThat(attempt.retryIn()).as("from -3 to the 3 a read needs").isEqualTo(Duration.ofSeconds(6));
		assertThat(this.node1.status(SETTINGS, T0).usedByClass()).containsEntry(CallClass.INTERACTIVE, 9);
	}

	@Test
	void statusWhenCallsWereAdmittedRefusedAndQueuedThenCountsThemByClass() {
		TaskerCaller writer = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());
		TaskerCaller reader = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());
		this.node1.tryAdmit(request(UUID.randomUUID(), writer, 2, Duration.ZERO, T0));
		this.node1.tryAdmit(request(UUID.randomUUID(), reader, 1, Duration.ZERO, T0));
		drain(T0);
		UUID queued = UUID.randomUUID();
		this.node2.tryAdmit(request(queued, reader, 1, HOLD, T0));
		UUID refused = UUID.randomUUID();
		this.node2.tryAdmit(request(refused, TaskerCaller.sync(), 1, HOLD, T0));
		this.node2.giveUp(refused, TaskerCaller.sync(), T0);

		TaskerBudgetStatus status = this.node1.status(SETTINGS, T0.plusMillis(1));
		assertThat(status.used()).isEqualTo(6);
		assertThat(status.usedByClass()).containsEntry(CallClass.WRITE, 5).containsEntry(CallClass.INTERACTIVE, 1);
		assertThat(status.left()).isEqualTo(60);
		assertThat(status.waitingByClass()).containsEntry(CallClass.INTERACTIVE, 1).containsEntry(CallClass.SYNC, 0);
		assertThat(status.refusedByClass()).containsEntry(CallClass.SYNC, 1);
		assertThat(status.tokens()).isCloseTo(0.001, org.assertj.core.data.Offset.offset(0.0001));
		assertThat(status.gauges()).containsEntry("agent_gateway.tasker.budget.used", 6)
			.containsEntry("agent_gateway.tasker.budget.waiting", 1)
			.containsEntry("agent_gateway.tasker.budget.refused.sync", 1);
	}

	@Test
	void tryAdmitWhenAdmittedOrQueuedThenOneStatement() {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		TaskerBudgetStore store = new MybatisTaskerBudgetStore(TestDatabase.sessions(counting.dataSource()));
		TaskerCaller writer = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());

		assertThat(store.tryAdmit(request(UUID.randomUUID(), writer, 6, HOLD, T0)).admitted()).isTrue();
		assertThat(counting.statements()).isEqualTo(1);
		counting.reset();
		assertThat(store.tryAdmit(request(UUID.randomUUID(), writer, 1, HOLD, T0)).admitted()).isFalse();
		assertThat(counting.statements()).as("refused and queued, with its wait").isEqualTo(1);
	}

	private int race(Instant now, int calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger admitted = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			TaskerBudgetStore node = (i % 2 == 0) ? this.node1 : this.node2;
			TaskerCaller caller = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());
			futures.add(pool.submit(() -> {
				start.await();
				if (node.tryAdmit(request(UUID.randomUUID(), caller, 1, Duration.ZERO, now)).admitted()) {
					admitted.incrementAndGet();
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();
		return admitted.get();
	}

	private void drain(Instant now) {
		TaskerCaller writer = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());
		while (this.node1.tryAdmit(request(UUID.randomUUID(), writer, 1, Duration.ZERO, now)).admitted()) {
			// Writes may take the last call.
		}
	}

	private int waiting(Instant now) {
		return this.node1.status(SETTINGS, now).waiting();
	}

	private static Request request(UUID id, TaskerCaller caller, int cost, Duration hold, Instant now) {
		return new Request(id, caller, cost, SETTINGS, hold, now);
	}

}
