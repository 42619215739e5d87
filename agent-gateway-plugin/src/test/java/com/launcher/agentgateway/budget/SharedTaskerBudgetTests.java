package com.launcher.agentgateway.budget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.launcher.agentgateway.budget.TaskerBudgetStore.Attempt;
import com.launcher.agentgateway.budget.TaskerBudgetStore.Request;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SharedTaskerBudgetTests {

	private static final TaskerCaller READER = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());

	private final TaskerBudgetStore store = mock(TaskerBudgetStore.class);

	private final AtomicLong nanos = new AtomicLong();

	private final List<Long> naps = new ArrayList<>();

	private final SharedTaskerBudget budget = new SharedTaskerBudget(this.store, TaskerBudgetSettings.defaults(),
			this.nanos::get, (millis) -> {
				this.naps.add(millis);
				this.nanos.addAndGet(millis * 1_000_000L);
			});

	@Test
	void spendWhenTheStoreAdmitsThenOneAttemptAndNoWait() {
		when(this.store.tryAdmit(any())).thenReturn(Attempt.ADMITTED);

		this.budget.spend(READER, 1);

		ArgumentCaptor<Request> request = ArgumentCaptor.forClass(Request.class);
		verify(this.store).tryAdmit(request.capture());
		assertThat(request.getValue().caller()).isEqualTo(READER);
		assertThat(request.getValue().now()).as("the database's clock").isNull();
		assertThat(request.getValue().hold()).as("queued for its wait and a grace")
			.isEqualTo(Duration.ofSeconds(5 + 2));
		assertThat(this.naps).isEmpty();
	}

	@Test
	void spendWhenRefusedWithinItsWaitThenSleepsAsToldAndRetriesAsTheSameCall() {
		when(this.store.tryAdmit(any())).thenReturn(new Attempt(false, Duration.ofMillis(1_200)))
			.thenReturn(new Attempt(false, Duration.ofMillis(300)))
			.thenReturn(Attempt.ADMITTED);

		this.budget.spend(READER, 1);

		ArgumentCaptor<Request> requests = ArgumentCaptor.forClass(Request.class);
		verify(this.store, times(3)).tryAdmit(requests.capture());
		assertThat(requests.getAllValues()).extracting(Request::waiterId).containsOnly(requests.getValue().waiterId());
		assertThat(this.naps).as("at most a second at a time").containsExactly(1_000L, 300L);
		verify(this.store, never()).giveUp(any(), any(), any());
	}

	@Test
	void spendWhenTheWaitWouldOutlastTheClassesBoundThenRefusedAtOnceWithRetryAfter() {
		when(this.store.tryAdmit(any())).thenReturn(new Attempt(false, Duration.ofMillis(7_300)));

		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> this.budget.spend(READER, 1))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo(ErrorCode.TASKER_BUSY);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(8));
			});
		assertThat(this.naps).as("no waiting for nothing").isEmpty();
		verify(this.store).giveUp(any(), eq(READER), isNull());
	}

	@Test
	void spendWhenStillRefusedAtTheEndOfItsWaitThenRefused() {
		when(this.store.tryAdmit(any())).thenReturn(new Attempt(false, Duration.ofMillis(900)));

		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> this.budget.spend(READER, 1))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.TASKER_BUSY));
		assertThat(this.naps.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(5_000L);
		verify(this.store).giveUp(any(), eq(READER), isNull());
	}

	@Test
	void spendWhenAWriteWaitsThenItsBoundIsTheWritesOne() {
		TaskerCaller writer = TaskerCaller.write(UUID.randomUUID(), UUID.randomUUID());
		when(this.store.tryAdmit(any())).thenReturn(new Attempt(false, Duration.ofSeconds(12)))
			.thenReturn(Attempt.ADMITTED);

		this.budget.spend(writer, 1);

		assertThat(this.naps).hasSize(1);
	}

	@Test
	void spendWhenAnOperationCostsMoreThanTheBurstThenSpendsTheBurstAndChargesTheRest() {
		when(this.store.tryAdmit(any())).thenReturn(Attempt.ADMITTED);

		this.budget.spend(READER, 9);

		ArgumentCaptor<Request> request = ArgumentCaptor.forClass(Request.class);
		verify(this.store).tryAdmit(request.capture());
		assertThat(request.getValue().cost()).isEqualTo(6);
		verify(this.store).charge(eq(READER), eq(3), any(), isNull());
	}

	@Test
	void spendWhenInterruptedWhileWaitingThenRefusedAndTheInterruptKept() {
		SharedTaskerBudget interrupted = new SharedTaskerBudget(this.store, TaskerBudgetSettings.defaults(),
				this.nanos::get, (millis) -> {
					throw new InterruptedException();
				});
		when(this.store.tryAdmit(any())).thenReturn(new Attempt(false, Duration.ofMillis(500)));

		try {
			assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> interrupted.spend(READER, 1));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void pauseWhenRetryAfterIsPositiveThenStoredAndOtherwiseIgnored() {
		this.budget.pause(Duration.ofSeconds(20));
		this.budget.pause(Duration.ZERO);
		this.budget.charge(READER, 0);

		verify(this.store).pause(Duration.ofSeconds(20), null);
		verify(this.store, never()).charge(any(), any(Integer.class), any(), any());
	}

}
