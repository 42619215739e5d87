package com.launcher.agentgateway.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.RequestContext;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PolicyServiceTests {

	private final PolicyStore store = mock(PolicyStore.class);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));

	private final AuditLog audit = mock(AuditLog.class);

	private final PolicyService service = new PolicyService(this.store,
			new UserActions(this.audit, RequestContext.NONE, this.clock), this.clock);

	@Test
	void currentWhenReadWithinStalenessBoundThenStoreReadOnce() {
		when(this.store.load()).thenReturn(Policy.defaults());

		this.service.current();
		this.clock.advanceSeconds(5);
		this.service.current();

		verify(this.store, times(1)).load();
	}

	@Test
	void currentWhenInvalidatedThenReloadedWithinTheStalenessBound() {
		Policy changed = TestPolicies.maxTokenDays(7, 7);
		when(this.store.load()).thenReturn(Policy.defaults(), changed);
		this.service.current();

		this.service.invalidate();

		assertThat(this.service.current()).isEqualTo(changed);
		verify(this.store, times(2)).load();
	}

	@Test
	void currentWhenAChangeNoticeArrivesWhileLoadingThenTheLoadedCopyIsNotTrustedAfterwards() {
		Policy changed = TestPolicies.maxTokenDays(7, 7);
		// The notice lands while the old policy is being read: a cache that simply
		// stored what it read would keep the old policy until the staleness bound.
		when(this.store.load()).thenAnswer((invocation) -> {
			this.service.invalidate();
			return Policy.defaults();
		}).thenReturn(changed);

		assertThat(this.service.current()).isEqualTo(Policy.defaults());

		assertThat(this.service.current()).isEqualTo(changed);
		verify(this.store, times(2)).load();
	}

	@Test
	void currentAfterUpdateWhenAnotherNodeSavedMeanwhileThenTheStoredPolicyIsReadAgain() {
		Policy ours = TestPolicies.maxTokenDays(7, 7);
		Policy theirs = TestPolicies.maxTokenDays(14, 7);
		when(this.store.load()).thenReturn(theirs);

		this.service.update(new Actor(UUID.randomUUID(), true), ours);
		this.service.invalidate();

		assertThat(this.service.current()).isEqualTo(theirs);
	}

	@Test
	void currentWhenOlderThanStalenessBoundThenReloaded() {
		Policy changed = TestPolicies.maxTokenDays(7, 7);
		when(this.store.load()).thenReturn(Policy.defaults(), changed);

		this.service.current();
		this.clock.advanceSeconds(6);

		assertThat(this.service.current()).isEqualTo(changed);
	}

	@Test
	void updateWhenNotPlatformAdminThenForbiddenAndNothingSaved() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.update(new Actor(UUID.randomUUID(), false), Policy.defaults()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.FORBIDDEN));
		verify(this.store, never()).save(any(), any());
		assertThat(auditEvent().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
	}

	@Test
	void updateWhenPlatformAdminThenSavedAndServedWithoutReload() {
		UUID admin = UUID.randomUUID();
		Policy changed = TestPolicies.maxTokenDays(7, 7);

		this.service.update(new Actor(admin, true), changed);

		verify(this.store).save(changed, admin);
		assertThat(this.service.current()).isEqualTo(changed);
		verify(this.store, never()).load();
		assertThat(auditEvent().outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
	}

	private AuditEvent auditEvent() {
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit, times(1)).append(event.capture());
		assertThat(event.getValue().action()).isEqualTo("policy.update");
		return event.getValue();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advanceSeconds(long seconds) {
			this.now = this.now.plusSeconds(seconds);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
