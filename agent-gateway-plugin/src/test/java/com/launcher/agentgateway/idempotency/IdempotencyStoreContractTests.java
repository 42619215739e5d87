package com.launcher.agentgateway.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.agentgateway.Concurrently;
import com.launcher.agentgateway.idempotency.IdempotencyRecord.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IdempotencyStore} must do; run against each implementation by a
 * subclass.
 */
public abstract class IdempotencyStoreContractTests {

	protected static final Instant NOW = Instant.parse("2026-12-01T12:00:00.123456Z");

	private static final Fingerprint FINGERPRINT = Fingerprint.of("add_comment", Map.of("body", "hi"), Set.of());

	protected abstract IdempotencyStore store();

	private static IdempotencyRecord claim(UUID agent, IdempotencyKey key, Instant at) {
		return new IdempotencyRecord(agent, key, "add_comment", FINGERPRINT, Status.IN_PROGRESS,
				at.plus(Duration.ofMinutes(2)), null, at, at.plus(Duration.ofHours(24)));
	}

	private static IdempotencyKey newKey() {
		return new IdempotencyKey("key-" + UUID.randomUUID());
	}

	@Test
	void tryClaimWhenTheKeyIsFreeThenHeldAndFoundAsClaimed() {
		UUID agent = UUID.randomUUID();
		IdempotencyKey key = newKey();
		IdempotencyRecord claim = claim(agent, key, NOW);

		assertThat(store().tryClaim(claim, NOW)).isTrue();

		assertThat(store().find(agent, key)).contains(claim);
		assertThat(store().find(UUID.randomUUID(), key)).as("keys are per agent").isEmpty();
	}

	@Test
	void tryClaimWhenHeldThenRefusedUntilTheRecordExpires() {
		UUID agent = UUID.randomUUID();
		IdempotencyKey key = newKey();
		store().tryClaim(claim(agent, key, NOW), NOW);
		Instant expiry = NOW.plus(Duration.ofHours(24));

		assertThat(store().tryClaim(claim(agent, key, NOW.plusSeconds(1)), NOW.plusSeconds(1))).isFalse();
		IdempotencyRecord later = claim(agent, key, expiry);
		assertThat(store().tryClaim(later, expiry)).as("an expired record never blocks its key").isTrue();

		assertThat(store().find(agent, key)).contains(later);
	}

	@Test
	void takeOverWhenTheLeaseRunsThenRefusedAndWhenItEndedThenTaken() {
		UUID agent = UUID.randomUUID();
		IdempotencyKey key = newKey();
		store().tryClaim(claim(agent, key, NOW), NOW);
		Instant leaseEnd = NOW.plus(Duration.ofMinutes(2));

		assertThat(store().takeOver(agent, key, NOW.plusSeconds(1), NOW.plusSeconds(121))).isFalse();
		assertThat(store().takeOver(agent, key, leaseEnd, leaseEnd.plusSeconds(120))).isTrue();

		assertThat(store().find(agent, key).orElseThrow().leaseUntil()).isEqualTo(leaseEnd.plusSeconds(120));
	}

	@Test
	void takeOverWhenTheOutcomeIsUnknownThenTakenAtOnce() {
		UUID agent = UUID.randomUUID();
		IdempotencyKey key = newKey();
		store().tryClaim(claim(agent, key, NOW), NOW);

		store().markUnknown(agent, key);

		assertThat(store().find(agent, key).orElseThrow().status()).isEqualTo(Status.UNKNOWN);
		assertThat(store().takeOver(agent, key, NOW.plusSeconds(1), NOW.plusSeconds(121))).isTrue();
		assertThat(store().find(agent, key).orElseThrow().status()).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void completeWhenHeldThenTheResultIsKeptAndNeverTakenOverOrReleased() {
		UUID agent = UUID.randomUUID();
		IdempotencyKey key = newKey();
		store().tryClaim(claim(agent, key, NOW), NOW);

		store().complete(agent, key, "{\"id\":\"WEB-7\"}", NOW.plusSeconds(1));
		store().release(agent, key);
		store().markUnknown(agent, key);

		IdempotencyRecord done = store().find(agent, key).orElseThrow();
		assertThat(done.status()).isEqualTo(Status.COMPLETED);
		assertThat(done.result()).isEqualTo("{\"id\":\"WEB-7\"}");
		assertThat(store().takeOver(agent, key, NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2))))
			.isFalse();
	}

	@Test
	void releaseWhenInProgressThenTheKeyIsFreeAgain() {
		UUID agent = UUID.randomUUID();
		IdempotencyKey key = newKey();
		store().tryClaim(claim(agent, key, NOW), NOW);

		store().release(agent, key);

		assertThat(store().find(agent, key)).isEmpty();
		assertThat(store().tryClaim(claim(agent, key, NOW), NOW)).isTrue();
	}

	@Test
	void purgeExpiredWhenSomeRecordsExpiredThenOnlyThoseGo() {
		UUID agent = UUID.randomUUID();
		IdempotencyKey old = newKey();
		IdempotencyKey recent = newKey();
		store().tryClaim(claim(agent, old, NOW.minus(Duration.ofDays(2))), NOW.minus(Duration.ofDays(2)));
		store().tryClaim(claim(agent, recent, NOW), NOW);

		assertThat(store().purgeExpired(NOW)).isGreaterThanOrEqualTo(1);

		assertThat(store().find(agent, old)).isEmpty();
		assertThat(store().find(agent, recent)).isPresent();
	}

	@Test
	void tryClaimWhenEightThreadsRaceForOneKeyThenExactlyOneHoldsIt() throws Exception {
		UUID agent = UUID.randomUUID();
		IdempotencyKey key = newKey();
		AtomicInteger winners = new AtomicInteger();

		Concurrently.run(8, (thread) -> {
			if (store().tryClaim(claim(agent, key, NOW), NOW)) {
				winners.incrementAndGet();
			}
		});

		assertThat(winners).hasValue(1);
	}

}
