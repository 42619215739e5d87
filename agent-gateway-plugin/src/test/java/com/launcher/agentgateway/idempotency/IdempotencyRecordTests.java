package com.launcher.agentgateway.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.launcher.agentgateway.idempotency.IdempotencyRecord.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotencyRecordTests {

	private static final Instant CLAIMED = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void newWhenCompletedWithItsResultThenKept() {
		assertThat(record(Status.COMPLETED, "{}").result()).isEqualTo("{}");
	}

	@Test
	void newWhenInProgressOrUnknownThenNoResultNeeded() {
		assertThat(record(Status.IN_PROGRESS, null).result()).isNull();
		assertThat(record(Status.UNKNOWN, null).result()).isNull();
	}

	@Test
	void newWhenCompletedWithoutResultThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> record(Status.COMPLETED, null));
	}

	private static IdempotencyRecord record(Status status, String result) {
		return new IdempotencyRecord(UUID.randomUUID(), new IdempotencyKey("key-" + UUID.randomUUID()), "add_comment",
				Fingerprint.of("add_comment", Map.of("body", "hi"), Set.of()), status, CLAIMED.plusSeconds(120), result,
				CLAIMED, CLAIMED.plus(Duration.ofHours(24)), UUID.randomUUID());
	}

}
