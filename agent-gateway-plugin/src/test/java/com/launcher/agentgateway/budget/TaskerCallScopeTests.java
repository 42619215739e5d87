package com.launcher.agentgateway.budget;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaskerCallScopeTests {

	@Test
	void currentWhenNoScopeIsOpenThenAnUnnamedPerson() {
		assertThat(TaskerCallScope.current()).isEqualTo(TaskerCaller.UNNAMED);
		assertThat(TaskerCallScope.current().callClass()).isEqualTo(CallClass.HUMAN);
	}

	@Test
	void currentWhenScopesNestThenTheInnerOneUntilItCloses() {
		TaskerCaller agent = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());
		try (TaskerCallScope outer = TaskerCallScope.open(agent)) {
			try (TaskerCallScope inner = TaskerCallScope.open(TaskerCaller.sync())) {
				assertThat(TaskerCallScope.current()).isEqualTo(TaskerCaller.sync());
			}
			assertThat(TaskerCallScope.current()).isEqualTo(agent);
		}
		assertThat(TaskerCallScope.current()).isEqualTo(TaskerCaller.UNNAMED);
	}

	@Test
	void currentWhenAnotherThreadAsksThenItSeesNotThisThreadsScope() {
		try (TaskerCallScope scope = TaskerCallScope.open(TaskerCaller.sync())) {
			assertThat(CompletableFuture.supplyAsync(TaskerCallScope::current).join()).isEqualTo(TaskerCaller.UNNAMED);
		}
	}

	@Test
	void closeWhenOnAnotherThreadThenRefused() {
		try (TaskerCallScope scope = TaskerCallScope.open(TaskerCaller.sync())) {
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> CompletableFuture.runAsync(scope::close).join())
				.withCauseInstanceOf(IllegalStateException.class);
			assertThat(TaskerCallScope.current()).as("still open").isEqualTo(TaskerCaller.sync());
		}
	}

}
