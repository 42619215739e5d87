package com.launcher.agentgateway.token;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.persistence.SqlFailures;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class OwnerLifecycleServiceTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final TokenStore tokens = mock(TokenStore.class);

	private final OwnerDirectory owners = mock(OwnerDirectory.class);

	private final AuditLog audit = mock(AuditLog.class);

	private final ArrayDeque<Runnable> queued = new ArrayDeque<>();

	private final OwnerLifecycleService service = new OwnerLifecycleService(this.tokens, this.owners, this.audit,
			Clock.fixed(NOW, ZoneOffset.UTC), this.queued::add, SqlFailures::describe);

	private final UUID owner = UUID.randomUUID();

	@Test
	void applyWhenBlockedThenActiveTokensSuspendedAndEachAudited() {
		List<AgentToken> changed = List.of(TestAgentTokens.active(UUID.randomUUID()),
				TestAgentTokens.active(UUID.randomUUID()));
		when(this.tokens.transitionForOwner(this.owner, EnumSet.of(TokenStatus.ACTIVE), TokenStatus.SUSPENDED,
				"owner_blocked", NOW))
			.thenReturn(changed);

		assertThat(this.service.apply(this.owner, Owner.OwnerStatus.BLOCKED, "lifecycle_event")).isEqualTo(changed);

		List<AuditEvent> events = auditEvents(2);
		assertThat(events).extracting(AuditEvent::tokenId).containsExactly(changed.get(0).id(), changed.get(1).id());
		assertThat(events).allSatisfy((e) -> {
			assertThat(e.action()).isEqualTo("owner.cascade");
			assertThat(e.ownerUserId()).isEqualTo(this.owner);
			assertThat(e.reason()).isEqualTo("owner_blocked");
			assertThat(e.details()).containsEntry("cause", "lifecycle_event").containsEntry("tokenStatus", "SUSPENDED");
		});
	}

	@Test
	void applyWhenAnnulledThenActiveAndSuspendedTokensRevoked() {
		when(this.tokens.transitionForOwner(any(), any(), any(), any(), any())).thenReturn(List.of());

		this.service.apply(this.owner, Owner.OwnerStatus.ANNULLED, "periodic_sync");

		verify(this.tokens).transitionForOwner(this.owner, EnumSet.of(TokenStatus.ACTIVE, TokenStatus.SUSPENDED),
				TokenStatus.REVOKED, "owner_annulled", NOW);
		verifyNoInteractions(this.audit);
	}

	@Test
	void applyWhenUnknownThenTokensRevokedAsUnknown() {
		AgentToken token = TestAgentTokens.active(UUID.randomUUID());
		when(this.tokens.transitionForOwner(this.owner, EnumSet.of(TokenStatus.ACTIVE, TokenStatus.SUSPENDED),
				TokenStatus.REVOKED, "owner_unknown", NOW))
			.thenReturn(List.of(token));

		assertThat(this.service.apply(this.owner, Owner.OwnerStatus.UNKNOWN, "request_time_check")).hasSize(1);
		assertThat(auditEvents(1).get(0).details()).containsEntry("tokenStatus", "REVOKED");
	}

	@Test
	void applyWhenActiveThenNothingChanges() {
		assertThat(this.service.apply(this.owner, Owner.OwnerStatus.ACTIVE, "lifecycle_event")).isEmpty();

		verifyNoInteractions(this.tokens, this.audit);
	}

	@Test
	void applyLaterWhenCalledThenNothingIsWrittenOnTheCallersThreadAndTheCascadeRunsOnTheExecutor() {
		AgentToken token = TestAgentTokens.active(UUID.randomUUID());
		when(this.tokens.transitionForOwner(this.owner, EnumSet.of(TokenStatus.ACTIVE), TokenStatus.SUSPENDED,
				"owner_blocked", NOW))
			.thenReturn(List.of(token));

		this.service.applyLater(this.owner, Owner.OwnerStatus.BLOCKED, "request_time_check");

		verifyNoInteractions(this.tokens, this.audit);
		assertThat(this.queued).hasSize(1);
		this.queued.poll().run();
		assertThat(auditEvents(1).get(0).details()).containsEntry("cause", "request_time_check")
			.containsEntry("tokenStatus", "SUSPENDED");
	}

	@Test
	void applyLaterWhenTheOwnerIsAlreadyQueuedThenOneCascadeAndAfterItRunsTheOwnerCanBeQueuedAgain() {
		when(this.tokens.transitionForOwner(any(), any(), any(), any(), any())).thenReturn(List.of());

		for (int i = 0; i < 5; i++) {
			this.service.applyLater(this.owner, Owner.OwnerStatus.BLOCKED, "request_time_check");
		}
		assertThat(this.queued).hasSize(1);
		this.queued.poll().run();
		this.service.applyLater(this.owner, Owner.OwnerStatus.BLOCKED, "request_time_check");

		assertThat(this.queued).hasSize(1);
		verify(this.tokens, times(1)).transitionForOwner(any(), any(), any(), any(), any());
	}

	@Test
	void applyLaterWhenTheCascadeFailsThenTheFailureStaysOnTheExecutorAndTheOwnerCanBeQueuedAgain() {
		when(this.tokens.transitionForOwner(any(), any(), any(), any(), any()))
			.thenThrow(new IllegalStateException("database down"));

		this.service.applyLater(this.owner, Owner.OwnerStatus.ANNULLED, "request_time_check");
		this.queued.poll().run();
		this.service.applyLater(this.owner, Owner.OwnerStatus.ANNULLED, "request_time_check");

		assertThat(this.queued).hasSize(1);
	}

	@Test
	void applyLaterWhenTheExecutorRefusesThenTheOwnerCanBeQueuedAgain() {
		boolean[] stopping = { true };
		OwnerLifecycleService service = new OwnerLifecycleService(this.tokens, this.owners, this.audit,
				Clock.fixed(NOW, ZoneOffset.UTC), (task) -> {
					if (stopping[0]) {
						throw new java.util.concurrent.RejectedExecutionException("stopping");
					}
					this.queued.add(task);
				}, SqlFailures::describe);
		service.applyLater(this.owner, Owner.OwnerStatus.BLOCKED, "request_time_check");
		stopping[0] = false;
		service.applyLater(this.owner, Owner.OwnerStatus.BLOCKED, "request_time_check");

		assertThat(this.queued).hasSize(1);
		verifyNoInteractions(this.tokens);
	}

	@Test
	void reactivatedWhenCalledThenNoTokenResumesAndOneEventRecorded() {
		this.service.reactivated(this.owner, "lifecycle_event");

		verifyNoInteractions(this.tokens);
		AuditEvent event = auditEvents(1).get(0);
		assertThat(event.action()).isEqualTo("owner.reactivated");
		assertThat(event.details()).containsEntry("tokensResumed", "0");
	}

	@Test
	void syncWhenOwnersChangedWhileStoppedThenAppliesWhatTheDirectorySays() {
		UUID active = UUID.randomUUID();
		UUID blocked = UUID.randomUUID();
		UUID missing = UUID.randomUUID();
		when(this.tokens.ownersWithActiveTokens()).thenReturn(Set.of(active, blocked, missing));
		when(this.owners.statuses(anyCollection()))
			.thenReturn(Map.of(active, Owner.OwnerStatus.ACTIVE, blocked, Owner.OwnerStatus.BLOCKED));
		when(this.tokens.transitionForOwner(eq(blocked), any(), eq(TokenStatus.SUSPENDED), any(), any()))
			.thenReturn(List.of(TestAgentTokens.active(UUID.randomUUID())));
		when(this.tokens.transitionForOwner(eq(missing), any(), eq(TokenStatus.REVOKED), any(), any()))
			.thenReturn(List.of(TestAgentTokens.active(UUID.randomUUID()), TestAgentTokens.active(UUID.randomUUID())));

		assertThat(this.service.sync()).isEqualTo(3);

		verify(this.tokens, never()).transitionForOwner(eq(active), any(), any(), any(), any());
		assertThat(auditEvents(3)).allSatisfy((e) -> assertThat(e.details()).containsEntry("cause", "periodic_sync"));
	}

	@Test
	void syncWhenNoOwnerHasActiveTokensThenDirectoryNotAsked() {
		when(this.tokens.ownersWithActiveTokens()).thenReturn(Set.of());

		assertThat(this.service.sync()).isZero();

		verifyNoInteractions(this.owners, this.audit);
	}

	private List<AuditEvent> auditEvents(int expected) {
		ArgumentCaptor<AuditEvent> captor = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit, times(expected)).append(captor.capture());
		return captor.getAllValues();
	}

}
