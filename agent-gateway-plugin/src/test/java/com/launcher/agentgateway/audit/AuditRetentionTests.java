package com.launcher.agentgateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.launcher.agentgateway.persistence.SqlFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class AuditRetentionTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final AuditRetention.Pruner pruner = mock(AuditRetention.Pruner.class);

	@Test
	void runOnceWhenFullBatchesThenGoesOnUntilAShortOneWithTheRetentionsCutoff() {
		given(this.pruner.prune(any(), anyInt())).willReturn(AuditRetention.BATCH, AuditRetention.BATCH, 7);
		AuditRetention retention = new AuditRetention(this.pruner, Duration.ofDays(90), Duration.ofHours(1), this.clock,
				SqlFailures::describe);

		assertThat(retention.runOnce()).isEqualTo(2L * AuditRetention.BATCH + 7);

		verify(this.pruner, times(3)).prune(NOW.minus(Duration.ofDays(90)), AuditRetention.BATCH);
	}

	@Test
	void runOnceWhenBacklogIsLargerThanAPassThenStopsAndLeavesTheRestForTheNext() {
		given(this.pruner.prune(any(), anyInt())).willReturn(AuditRetention.BATCH);
		AuditRetention retention = new AuditRetention(this.pruner, Duration.ofDays(90), Duration.ofHours(1), this.clock,
				SqlFailures::describe);

		assertThat(retention.runOnce()).isEqualTo((long) AuditRetention.MAX_BATCHES_PER_PASS * AuditRetention.BATCH);
		verify(this.pruner, times(AuditRetention.MAX_BATCHES_PER_PASS)).prune(any(), anyInt());
	}

	@Test
	void runOnceWhenNoRetentionThenKeepsEverything() {
		AuditRetention retention = new AuditRetention(this.pruner, null, Duration.ofHours(1), this.clock,
				SqlFailures::describe);

		retention.start();

		assertThat(retention.runOnce()).isZero();
		verifyNoInteractions(this.pruner);
		retention.stop();
	}

	@Test
	void runOnceWhenTheDatabaseFailsThenReportsWhatWasDeletedAndDoesNotThrow() {
		given(this.pruner.prune(any(), anyInt())).willReturn(AuditRetention.BATCH)
			.willThrow(new IllegalStateException("database down"));
		AuditRetention retention = new AuditRetention(this.pruner, Duration.ofDays(1), Duration.ofHours(1), this.clock,
				SqlFailures::describe);

		assertThat(retention.runOnce()).isEqualTo(AuditRetention.BATCH);
	}

}
