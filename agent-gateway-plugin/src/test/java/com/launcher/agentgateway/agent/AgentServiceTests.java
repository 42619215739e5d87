package com.launcher.agentgateway.agent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.RequestContext;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class AgentServiceTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private final AgentStore store = mock(AgentStore.class);

	private final AuditLog audit = mock(AuditLog.class);

	private final AgentService service = new AgentService(this.store,
			new UserActions(this.audit, RequestContext.NONE, CLOCK), CLOCK);

	private final Actor owner = new Actor(UUID.randomUUID(), false);

	private final Actor stranger = new Actor(UUID.randomUUID(), false);

	private final Actor admin = new Actor(UUID.randomUUID(), true);

	@Test
	void getWhenAnotherOwnersAgentThenNotFound() {
		Agent agent = stored(TestAgents.ownedBy(this.owner.userId()));

		assertNotFound(() -> this.service.get(this.stranger, agent.id()));
		assertThat(this.service.get(this.owner, agent.id())).isEqualTo(agent);
		assertThat(this.service.get(this.admin, agent.id())).isEqualTo(agent);
	}

	@Test
	void getWhenMissingThenSameNotFoundAsForeign() {
		when(this.store.findById(any())).thenReturn(Optional.empty());

		assertNotFound(() -> this.service.get(this.owner, UUID.randomUUID()));
	}

	@Test
	void disableWhenAnotherOwnersAgentThenNotFoundAndNothingChanged() {
		Agent agent = stored(TestAgents.ownedBy(this.owner.userId()));

		assertNotFound(() -> this.service.disable(this.stranger, agent.id()));
		assertNotFound(() -> this.service.enable(this.stranger, agent.id()));

		verify(this.store, never()).updateStatus(any(), any(), any());
		verifyNoInteractions(this.audit);
	}

	@Test
	void disableWhenOwnAgentThenStatusChangedAndAudited() {
		Agent agent = stored(TestAgents.ownedBy(this.owner.userId()));

		this.service.disable(this.owner, agent.id());

		verify(this.store).updateStatus(agent.id(), AgentStatus.DISABLED, NOW);
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit).append(event.capture());
		assertThat(event.getValue().action()).isEqualTo("agent.disable");
		assertThat(event.getValue().agentId()).isEqualTo(agent.id());
		assertThat(event.getValue().ownerUserId()).isEqualTo(this.owner.userId());
	}

	@Test
	void createWhenValidThenOwnedByTheActorAndAudited() {
		Agent agent = this.service.create(this.owner, "  builder  ", null);

		assertThat(agent.ownerUserId()).isEqualTo(this.owner.userId());
		assertThat(agent.name()).isEqualTo("builder");
		assertThat(agent.status()).isEqualTo(AgentStatus.ENABLED);
		verify(this.store).insert(agent);
		verify(this.audit).append(any());
	}

	@Test
	void createWhenNameInvalidThenNamesTheFieldAndStoresNothing() {
		for (String name : new String[] { null, " ", "x".repeat(81), "bad\u0007name" }) {
			assertThatExceptionOfType(GatewayException.class)
				.isThrownBy(() -> this.service.create(this.owner, name, ""))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		}
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.create(this.owner, "ok", "d".repeat(501)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("description"));
		verify(this.store, never()).insert(any());
	}

	@Test
	void listWhenAllRequestedByNonAdminThenForbidden() {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> this.service.list(this.owner, true))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.FORBIDDEN));
		verify(this.store, never()).findAll();
	}

	@Test
	void listWhenOwnThenOnlyTheActorsAgents() {
		List<Agent> mine = List.of(TestAgents.ownedBy(this.owner.userId()));
		when(this.store.findByOwner(this.owner.userId())).thenReturn(mine);

		assertThat(this.service.list(this.owner, false)).isEqualTo(mine);
	}

	@Test
	void listWhenAllRequestedByAdminThenEveryAgent() {
		List<Agent> all = List.of(TestAgents.agent(), TestAgents.agent());
		when(this.store.findAll()).thenReturn(all);

		assertThat(this.service.list(this.admin, true)).isEqualTo(all);
	}

	@Test
	void recordReportWhenSummaryCarriesMarkupAndInvisibleCharactersThenKeptInertWithTheTimeOfTheReport() {
		UUID agentId = UUID.randomUUID();

		this.service.recordReport(agentId, "blocked", "Waiting <b>for</b>\u202e design", "WEB-3");

		ArgumentCaptor<Agent.ProgressReport> report = ArgumentCaptor.forClass(Agent.ProgressReport.class);
		verify(this.store).recordReport(org.mockito.ArgumentMatchers.eq(agentId), report.capture());
		assertThat(report.getValue()).isEqualTo(
				new Agent.ProgressReport(NOW, "blocked", "Waiting \u2039b\u203afor\u2039/b\u203a design", "WEB-3"));
		verifyNoInteractions(this.audit);
	}

	private Agent stored(Agent agent) {
		when(this.store.findById(agent.id())).thenReturn(Optional.of(agent));
		return agent;
	}

	private static void assertNotFound(ThrowingCallable call) {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
	}

	@Test
	void searchWhenNotPlatformAdminThenForbiddenAndStoreNotAsked() {
		AgentQuery query = new AgentQuery(null, null, null, null, NOW, 20, 0);
		when(this.store.search(query)).thenReturn(new AgentQuery.Page(List.of(), 0));

		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> this.service.search(this.owner, query))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.FORBIDDEN));
		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> this.service.ownerIds(this.owner))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.FORBIDDEN));
		verify(this.store, never()).search(any());
		assertThat(this.service.search(this.admin, query).total()).isZero();
	}

}
