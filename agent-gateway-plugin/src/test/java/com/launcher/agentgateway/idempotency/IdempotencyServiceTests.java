package com.launcher.agentgateway.idempotency;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.persistence.LoggedLines;
import com.launcher.agentgateway.persistence.SqlFailures;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotencyServiceTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-14T10:00:00Z"));

	private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

	private final IdempotencyService service = new IdempotencyService(this.store, this.clock, Duration.ofHours(24),
			Duration.ofMinutes(2), SqlFailures::describe);

	private final UUID agent = UUID.randomUUID();

	private final IdempotencyKey key = new IdempotencyKey("key-00000001");

	private final Fingerprint fingerprint = Fingerprint.of("add_comment", Map.of("body", "hi"), Set.of());

	@Test
	void executeWhenCompletedThenReplaysWithoutWriting() {
		AtomicInteger writes = new AtomicInteger();
		IdempotencyService.Execution first = this.service.execute(this.agent, this.key, "add_comment", this.fingerprint,
				(reconcile) -> "{\"n\":" + writes.incrementAndGet() + "}");
		IdempotencyService.Execution second = this.service.execute(this.agent, this.key, "add_comment",
				this.fingerprint, (reconcile) -> "{\"n\":" + writes.incrementAndGet() + "}");
		assertThat(first.replayed()).isFalse();
		assertThat(second.replayed()).isTrue();
		assertThat(second.result()).isEqualTo("{\"n\":1}");
		assertThat(writes).hasValue(1);
	}

	@Test
	void executeWhenCompletingFailsAfterTheWriteThenResultReturnedFailureNamedAndRetryReconciles() {
		InMemoryIdempotencyStore failingOnce = new InMemoryIdempotencyStore() {

			private boolean failed;

			@Override
			public synchronized boolean complete(UUID agentId, IdempotencyKey key, UUID holder, String result,
					Instant now) {
				if (!this.failed) {
					this.failed = true;
					throw new QueryTimeoutException("UPDATE agw_idempotency SET result = ? WHERE agent_id = ?",
							new SQLException("canceling statement due to statement timeout", "57014"));
				}
				return super.complete(agentId, key, holder, result, now);
			}

		};
		IdempotencyService service = new IdempotencyService(failingOnce, this.clock, Duration.ofHours(24),
				Duration.ofMinutes(2), SqlFailures::describe);
		List<String> logged = LoggedLines.of(IdempotencyService.class, () -> {
			IdempotencyService.Execution first = service.execute(this.agent, this.key, "add_comment", this.fingerprint,
					(reconcile) -> "{\"written\":true}");
			assertThat(first.result()).isEqualTo("{\"written\":true}");
		});
		// The operator reads which failure it was, and none of the statement's values.
		assertThat(logged)
			.containsExactly("Write done but its idempotency key not completed: QueryTimeoutException, SQLState 57014");
		AtomicInteger reconciled = new AtomicInteger();
		service.execute(this.agent, this.key, "add_comment", this.fingerprint, (reconcile) -> {
			assertThat(reconcile).isTrue();
			reconciled.incrementAndGet();
			return "{\"written\":true}";
		});
		assertThat(reconciled).hasValue(1);
		assertThat(service.execute(this.agent, this.key, "add_comment", this.fingerprint, (r) -> "{}").replayed())
			.isTrue();
	}

	@Test
	void executeWhenSameKeyOtherArgumentsThenReused() {
		this.service.execute(this.agent, this.key, "add_comment", this.fingerprint, (r) -> "{}");
		Fingerprint other = Fingerprint.of("add_comment", Map.of("body", "other"), Set.of());
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.execute(this.agent, this.key, "add_comment", other, (r) -> "{}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
	}

	@Test
	void executeWhenFirstCallInFlightThenInProgressAndNoWrite() {
		AtomicInteger writes = new AtomicInteger();
		this.service.execute(this.agent, this.key, "add_comment", this.fingerprint, (r) -> {
			assertThatExceptionOfType(GatewayException.class)
				.isThrownBy(() -> this.service.execute(this.agent, this.key, "add_comment", this.fingerprint,
						(inner) -> "" + writes.incrementAndGet()))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_IN_PROGRESS));
			Fingerprint other = Fingerprint.of("add_comment", Map.of("body", "x"), Set.of());
			assertThatExceptionOfType(GatewayException.class)
				.isThrownBy(() -> this.service.execute(this.agent, this.key, "add_comment", other, (inner) -> ""))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
			return "{}";
		});
		assertThat(writes).hasValue(0);
	}

	@Test
	void executeWhenDefiniteFailureThenReleasedAndRetryRuns() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.execute(this.agent, this.key, "add_comment", this.fingerprint, (r) -> {
				throw new GatewayException(ErrorCode.TASKER_UNAVAILABLE);
			}));
		assertThat(this.store.find(this.agent, this.key)).isEmpty();
		IdempotencyService.Execution retry = this.service.execute(this.agent, this.key, "add_comment", this.fingerprint,
				(r) -> "{\"ok\":true}");
		assertThat(retry.replayed()).isFalse();
	}

	@Test
	void executeWhenOutcomeUnknownThenNextCallReconciles() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.execute(this.agent, this.key, "add_comment", this.fingerprint, (r) -> {
				throw new GatewayException(ErrorCode.OUTCOME_UNKNOWN);
			}));
		assertThat(this.store.find(this.agent, this.key)).get()
			.extracting(IdempotencyRecord::status)
			.isEqualTo(IdempotencyRecord.Status.UNKNOWN);
		boolean[] reconciled = new boolean[1];
		this.service.execute(this.agent, this.key, "add_comment", this.fingerprint, (r) -> {
			reconciled[0] = r;
			return "{}";
		});
		assertThat(reconciled[0]).isTrue();
	}

	@Test
	void executeWhenLeaseExpiredThenReconciles() {
		this.store.tryClaim(
				new IdempotencyRecord(this.agent, this.key, "add_comment", this.fingerprint,
						IdempotencyRecord.Status.IN_PROGRESS, this.clock.instant().plusSeconds(60), null,
						this.clock.instant(), this.clock.instant().plus(Duration.ofHours(24)), UUID.randomUUID()),
				this.clock.instant());
		this.clock.advance(Duration.ofMinutes(5));
		boolean[] reconciled = new boolean[1];
		this.service.execute(this.agent, this.key, "add_comment", this.fingerprint, (r) -> {
			reconciled[0] = r;
			return "{}";
		});
		assertThat(reconciled[0]).isTrue();
	}

	@Test
	void executeWhenALateCallFailsAfterItsClaimWasTakenOverThenTheNewHoldersClaimStays() {
		UUID successor = UUID.randomUUID();
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.execute(this.agent, this.key, "add_comment", this.fingerprint, (r) -> {
				// The lease runs out while Tasker is slow; another call takes the key
				// over.
				this.clock.advance(Duration.ofMinutes(3));
				assertThat(this.store.takeOver(this.agent, this.key, successor, this.clock.instant(),
						this.clock.instant().plus(Duration.ofMinutes(2))))
					.isTrue();
				throw new GatewayException(ErrorCode.TASKER_UNAVAILABLE);
			}));

		// Issue 12, point 8: the late release must not free the key under the new holder.
		assertThat(this.store.find(this.agent, this.key)).get()
			.satisfies((held) -> assertThat(held.holder()).isEqualTo(successor))
			.extracting(IdempotencyRecord::status)
			.isEqualTo(IdempotencyRecord.Status.IN_PROGRESS);
	}

	@Test
	void executeWhenRetentionPassedThenKeyIsFresh() {
		this.service.execute(this.agent, this.key, "add_comment", this.fingerprint, (r) -> "{}");
		this.clock.advance(Duration.ofHours(25));
		Fingerprint other = Fingerprint.of("add_comment", Map.of("body", "later"), Set.of());
		assertThat(this.service.execute(this.agent, this.key, "add_comment", other, (r) -> "{}").replayed()).isFalse();
	}

	@Test
	void constructorWhenRetentionUnderADayThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyService(this.store, this.clock,
				Duration.ofHours(23), Duration.ofMinutes(2), SqlFailures::describe));
	}

	@Test
	void parseWhenMissingOrMalformedThenKeyRequired() {
		for (Object raw : new Object[] { null, "short", 12345678, "bad key with spaces", "x".repeat(129) }) {
			assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> IdempotencyKey.parse(raw))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REQUIRED));
		}
		assertThat(IdempotencyKey.parse("3f2a9c1e-0b7d-4c8e-9a6f-2d1e5b7c9a0f").value()).hasSize(36);
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
