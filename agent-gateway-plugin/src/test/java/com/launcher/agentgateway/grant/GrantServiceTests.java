package com.launcher.agentgateway.grant;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.agent.TestAgents;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.budget.TaskerCallScope;
import com.launcher.agentgateway.budget.TaskerCaller;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.grant.TaskerProjects.Membership;
import com.launcher.agentgateway.grant.TaskerProjects.MembershipCheck;
import com.launcher.agentgateway.grant.TaskerProjects.ProjectRef;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class GrantServiceTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final UUID WEB = UUID.randomUUID();

	private final AgentStore agents = mock(AgentStore.class);

	private final GrantStore grants = mock(GrantStore.class);

	private final OwnerDirectory owners = mock(OwnerDirectory.class);

	private final TaskerProjects tasker = mock(TaskerProjects.class);

	private final AuditLog audit = mock(AuditLog.class);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final UserActions actions = new UserActions(this.audit, RequestContext.NONE, this.clock);

	private final GrantService service = new GrantService(new AgentService(this.agents, this.actions, this.clock),
			this.grants, this.owners, this.tasker, this.actions, this.clock);

	private final MembershipCache memberships = mock(MembershipCache.class);

	private final GrantService caching = new GrantService(new AgentService(this.agents, this.actions, this.clock),
			this.grants, this.owners, this.tasker, this.actions, this.clock, this.memberships);

	private final Actor owner = new Actor(UUID.randomUUID(), false);

	private Agent agent;

	@BeforeEach
	void agentOfOwner() {
		this.agent = TestAgents.ownedBy(this.owner.userId());
		when(this.agents.findById(this.agent.id())).thenReturn(Optional.of(this.agent));
		when(this.owners.find(this.owner.userId())).thenReturn(Optional
			.of(new Owner(this.owner.userId(), "Alice", "alice@launcher.local", Owner.OwnerStatus.ACTIVE, false)));
	}

	@Test
	void createWhenOwnerIsMemberThenStoresGrantAndAudits() {
		member(Membership.MEMBER);

		Grant grant = this.service.create(this.owner, this.agent.id(), "demo", WEB, "write");

		assertThat(grant.access()).isEqualTo(Access.WRITE);
		assertThat(grant.projectIdentifier()).isEqualTo("WEB");
		assertThat(grant.createdAt()).isEqualTo(NOW);
		verify(this.grants).insert(grant);
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit).append(event.capture());
		assertThat(event.getValue().action()).isEqualTo("grant.create");
		assertThat(event.getValue().outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
		assertThat(event.getValue().agentId()).isEqualTo(this.agent.id());
		assertThat(event.getValue().ownerUserId()).isEqualTo(this.owner.userId());
	}

	@Test
	void createWhenOwnerNotMemberOrUnknownThenRefusedAndNothingStored() {
		for (Membership membership : List.of(Membership.NOT_MEMBER, Membership.UNKNOWN)) {
			member(membership);

			assertThatExceptionOfType(GatewayException.class)
				.isThrownBy(() -> this.service.create(this.owner, this.agent.id(), "demo", WEB, "READ"))
				.satisfies((ex) -> {
					assertThat(ex.errorCode()).isEqualTo(ErrorCode.PROJECT_NOT_GRANTABLE);
					assertThat(ex.field()).isEqualTo("projectId");
				});
		}
		verify(this.grants, never()).insert(any());
	}

	@Test
	void createWhenProjectUnknownThenRefusedAndDenialAudited() {
		when(this.tasker.check(eq("alice@launcher.local"), eq("demo"), any()))
			.thenReturn(new MembershipCheck(null, Membership.NOT_MEMBER));

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.create(this.owner, this.agent.id(), "demo", UUID.randomUUID(), "READ"));

		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit).append(event.capture());
		assertThat(event.getValue().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
		assertThat(event.getValue().reason()).isEqualTo("unknown_project");
		verify(this.grants, never()).insert(any());
	}

	@Test
	void createWhenBadInputThenNamesTheFieldBeforeAskingTasker() {
		assertField(() -> this.service.create(this.owner, this.agent.id(), "Demo Space", WEB, "READ"), "workspace");
		// Plane's slugs are at most 48 characters: a longer one must not reach the Tasker
		// client (issue 12, point 12).
		assertField(() -> this.service.create(this.owner, this.agent.id(), "w".repeat(49), WEB, "READ"), "workspace");
		assertField(() -> this.service.create(this.owner, this.agent.id(), "demo", null, "READ"), "projectId");
		assertField(() -> this.service.create(this.owner, this.agent.id(), "demo", WEB, "ADMIN"), "access");
		assertField(() -> this.service.create(this.owner, this.agent.id(), "demo", WEB, null), "access");
		verify(this.tasker, never()).check(any(), any(), any());
	}

	@Test
	void createWhenAnotherOwnersAgentThenNotFound() {
		Actor stranger = new Actor(UUID.randomUUID(), false);

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.create(stranger, this.agent.id(), "demo", WEB, "READ"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
		verify(this.tasker, never()).check(any(), any(), any());
	}

	@Test
	void createWhenAdminGrantsOnAnotherOwnersAgentThenOwnerOnlyAndNothingStored() {
		Actor admin = new Actor(UUID.randomUUID(), true);
		member(Membership.MEMBER);

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.create(admin, this.agent.id(), "demo", WEB, "READ"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.OWNER_ONLY));
		verify(this.grants, never()).insert(any());
		verify(this.tasker, never()).check(any(), any(), any());
	}

	@Test
	void deleteWhenGrantOfAnotherAgentThenNotFound() {
		Grant foreign = TestGrants.grant(UUID.randomUUID(), "WEB", Access.READ);
		when(this.grants.findById(foreign.id())).thenReturn(Optional.of(foreign));

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.delete(this.owner, this.agent.id(), foreign.id()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
		verify(this.grants, never()).delete(any());
	}

	@Test
	void deleteWhenOwnGrantThenDeletedAndAudited() {
		Grant own = TestGrants.grant(this.agent.id(), "WEB", Access.READ);
		when(this.grants.findById(own.id())).thenReturn(Optional.of(own));

		this.service.delete(this.owner, this.agent.id(), own.id());

		verify(this.grants).delete(own.id());
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit).append(event.capture());
		assertThat(event.getValue().action()).isEqualTo("grant.delete");
	}

	@Test
	void changeAccessWhenOwnerStillMemberThenUpdatedInPlaceAndAudited() {
		Grant read = webGrant(Access.READ);
		member(Membership.MEMBER);
		when(this.grants.updateAccess(read.id(), Access.WRITE)).thenReturn(true);

		Grant changed = this.service.changeAccess(this.owner, this.agent.id(), read.id(), "write");

		assertThat(changed.id()).isEqualTo(read.id());
		assertThat(changed.access()).isEqualTo(Access.WRITE);
		verify(this.grants).updateAccess(read.id(), Access.WRITE);
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit).append(event.capture());
		assertThat(event.getValue().action()).isEqualTo("grant.update");
		assertThat(event.getValue().outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
	}

	@Test
	void changeAccessWhenOwnerNoLongerMemberThenRefusedAndUnchanged() {
		Grant read = webGrant(Access.READ);
		member(Membership.NOT_MEMBER);

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.changeAccess(this.owner, this.agent.id(), read.id(), "WRITE"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.PROJECT_NOT_GRANTABLE));
		verify(this.grants, never()).updateAccess(any(), any());
	}

	@Test
	void changeAccessWhenAdminOnAnotherOwnersAgentThenForbiddenAndDenialAudited() {
		Grant read = webGrant(Access.READ);
		member(Membership.MEMBER);
		Actor admin = new Actor(UUID.randomUUID(), true);

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.changeAccess(admin, this.agent.id(), read.id(), "WRITE"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.FORBIDDEN));
		verify(this.grants, never()).updateAccess(any(), any());
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit).append(event.capture());
		assertThat(event.getValue().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
		assertThat(event.getValue().reason()).isEqualTo("not_owner");
	}

	@Test
	void changeAccessWhenBadAccessOrForeignGrantThenRefusedBeforeAskingTasker() {
		Grant read = webGrant(Access.READ);
		Grant foreign = TestGrants.grant(UUID.randomUUID(), "WEB", Access.READ);
		when(this.grants.findById(foreign.id())).thenReturn(Optional.of(foreign));

		assertField(() -> this.service.changeAccess(this.owner, this.agent.id(), read.id(), "ADMIN"), "access");
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.changeAccess(this.owner, this.agent.id(), foreign.id(), "WRITE"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
		verify(this.tasker, never()).check(any(), any(), any());
		verify(this.grants, never()).updateAccess(any(), any());
	}

	@Test
	void createWhenMembershipsAreKeptThenTheProjectsAreDroppedAndTaskerAskedAsThisPerson() {
		List<TaskerCaller> callers = new java.util.ArrayList<>();
		when(this.tasker.check("alice@launcher.local", "demo", WEB)).thenAnswer((invocation) -> {
			callers.add(TaskerCallScope.current());
			return new MembershipCheck(new ProjectRef("demo", WEB, "WEB", "Website"), Membership.MEMBER);
		});

		this.caching.create(this.owner, this.agent.id(), "demo", WEB, "read");

		InOrder order = inOrder(this.memberships, this.tasker);
		order.verify(this.memberships).forgetProject("demo", WEB);
		order.verify(this.tasker).check("alice@launcher.local", "demo", WEB);
		assertThat(callers).containsExactly(TaskerCaller.human(this.owner.userId()));
	}

	@Test
	void deleteWhenMembershipsAreKeptThenTheProjectsAreDropped() {
		Grant own = TestGrants.grant(this.agent.id(), "WEB", Access.READ);
		when(this.grants.findById(own.id())).thenReturn(Optional.of(own));

		this.caching.delete(this.owner, this.agent.id(), own.id());

		verify(this.memberships).forgetProject(own.workspace(), own.projectId());
	}

	@Test
	void grantableProjectsWhenAskedThenUsesCallersOwnMembership() {
		ProjectRef web = new ProjectRef("demo", WEB, "WEB", "Website");
		when(this.tasker.memberProjects("alice@launcher.local", "demo")).thenReturn(List.of(web));

		assertThat(this.service.grantableProjects(this.owner, "demo")).containsExactly(web);
	}

	private Grant webGrant(Access access) {
		Grant grant = new Grant(UUID.randomUUID(), this.agent.id(), "demo", WEB, "WEB", "Website", access,
				this.owner.userId(), NOW);
		when(this.grants.findById(grant.id())).thenReturn(Optional.of(grant));
		return grant;
	}

	private void member(Membership membership) {
		when(this.tasker.check("alice@launcher.local", "demo", WEB))
			.thenReturn(new MembershipCheck(new ProjectRef("demo", WEB, "WEB", "Website"), membership));
	}

	private static void assertField(ThrowingCallable call, String field) {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

}
