package com.launcher.agentgateway.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.RequestContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class UserActionsTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final AuditLog log = mock(AuditLog.class);

	private final RequestContext request = new RequestContext() {

		@Override
		public String requestId() {
			return "req-7";
		}

		@Override
		public String clientAddress() {
			return "192.0.2.9";
		}

	};

	private final UserActions actions = new UserActions(this.log, this.request, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void eventWhenRecordedThenStampedWithTimePersonAndRequestAndCompletedByTheCaller() {
		Actor person = new Actor(UUID.randomUUID(), false);

		this.actions.record(
				this.actions.event("agent.disable", Outcome.DENIED, person).target("agent", "a1").reason("forbidden"));

		ArgumentCaptor<AuditEvent> appended = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.log).append(appended.capture());
		AuditEvent event = appended.getValue();
		assertThat(event.occurredAt()).isEqualTo(NOW);
		assertThat(event.actorType()).isEqualTo(ActorType.USER);
		assertThat(event.actorId()).isEqualTo(person.userId().toString());
		assertThat(event.requestId()).isEqualTo("req-7");
		assertThat(event.sourceAddress()).isEqualTo("192.0.2.9");
		assertThat(event.action()).isEqualTo("agent.disable");
		assertThat(event.outcome()).isEqualTo(Outcome.DENIED);
		assertThat(event.targetId()).isEqualTo("a1");
		assertThat(event.reason()).isEqualTo("forbidden");
	}

	@Test
	void eventWhenOnlyTheUserIdIsKnownThenStampedAsForTheActor() {
		UUID userId = UUID.randomUUID();

		AuditEvent byId = this.actions.event("oauth.consent", Outcome.DENIED, userId).build();
		AuditEvent byActor = this.actions.event("oauth.consent", Outcome.DENIED, new Actor(userId, true)).build();

		assertThat(byId).usingRecursiveComparison().ignoringFields("id").isEqualTo(byActor);
		assertThat(byId.actorId()).isEqualTo(userId.toString());
	}

	@Test
	void eventWhenOnlyBuiltThenNothingAppended() {
		this.actions.event("policy.update", Outcome.SUCCEEDED, new Actor(UUID.randomUUID(), true));

		verifyNoInteractions(this.log);
	}

}
