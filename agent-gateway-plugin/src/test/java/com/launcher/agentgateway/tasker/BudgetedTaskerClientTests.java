package com.launcher.agentgateway.tasker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import com.launcher.agentgateway.budget.TaskerBudget;
import com.launcher.agentgateway.budget.TaskerCallScope;
import com.launcher.agentgateway.budget.TaskerCaller;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.MembershipCache;
import com.launcher.host.api.tasker.WorkItemPatch;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.ProjectRole;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerForbiddenException;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerProject;
import com.launcher.host.api.tasker.TaskerRateLimitedException;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.host.api.tasker.WorkItemIdentifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class BudgetedTaskerClientTests {

	private static final UUID PROJECT = UUID.randomUUID();

	private static final TaskerCaller AGENT = TaskerCaller.interactive(UUID.randomUUID(), UUID.randomUUID());

	private final TaskerClient host = mock(TaskerClient.class);

	private final TaskerBudget budget = mock(TaskerBudget.class);

	private final MembershipCache memberships = mock(MembershipCache.class);

	private final BudgetedTaskerClient client = new BudgetedTaskerClient(this.host, this.budget, this.memberships,
			Duration.ofMinutes(1));

	@Test
	void callWhenTheAgentsToolCallHasOutlivedItsLimitThenNothingSpentNothingSentAndUnavailable()
			throws InterruptedException {
		BudgetedTaskerClient limited = new BudgetedTaskerClient(this.host, this.budget, this.memberships,
				Duration.ofMillis(20));
		UUID item = UUID.randomUUID();
		try (TaskerCallScope scope = TaskerCallScope.open(AGENT)) {
			limited.getWorkItem("demo", PROJECT, item);
			Thread.sleep(40);
			// A nested scope (a name lookup inside the tool) is still the same tool call.
			try (TaskerCallScope inner = TaskerCallScope.open(AGENT)) {
				assertThatExceptionOfType(TaskerUnavailableException.class)
					.isThrownBy(() -> limited.updateWorkItem("demo", PROJECT, item, WorkItemPatch.builder().build()));
			}
		}
		verify(this.budget).spend(AGENT, 1);
		verify(this.host).getWorkItem("demo", PROJECT, item);
		verify(this.host, never()).updateWorkItem(any(), any(), any(), any());
		// The sync and people's pages are not an agent's request: no such limit.
		try (TaskerCallScope scope = TaskerCallScope.open(TaskerCaller.sync())) {
			Thread.sleep(40);
			limited.getWorkItem("demo", PROJECT, item);
		}
		verify(this.host, org.mockito.Mockito.times(2)).getWorkItem("demo", PROJECT, item);
	}

	@Test
	void getWorkItemWhenAScopeNamesTheCallerThenSpendsOneCallAsThatCallerBeforeCallingTasker() {
		UUID item = UUID.randomUUID();
		try (TaskerCallScope scope = TaskerCallScope.open(AGENT)) {
			this.client.getWorkItem("demo", PROJECT, item);
		}
		var order = org.mockito.Mockito.inOrder(this.budget, this.host);
		order.verify(this.budget).spend(AGENT, 1);
		order.verify(this.host).getWorkItem("demo", PROJECT, item);
	}

	@Test
	void createWorkItemIdempotentlyWhenCalledThenSpendsItsTwoCalls() {
		ExternalRef ref = mock(ExternalRef.class);
		WorkItemDraft draft = mock(WorkItemDraft.class);
		this.client.createWorkItemIdempotently("demo", PROJECT, draft, ref);

		verify(this.budget).spend(TaskerCaller.UNNAMED, 2);
	}

	@Test
	void spendWhenTheBudgetRefusesThenTaskerIsNeverCalled() {
		doThrow(GatewayException.retryAfter(ErrorCode.TASKER_BUSY, Duration.ofSeconds(3))).when(this.budget)
			.spend(any(), anyInt());

		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> this.client.getProject("demo", PROJECT))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.TASKER_BUSY));
		verifyNoInteractions(this.host);
	}

	@Test
	void listProjectsWhenTheWalkTookSeveralPagesThenChargesThePagesBeyondTheFirst() {
		List<TaskerProject> projects = IntStream.range(0, 250).mapToObj((i) -> mock(TaskerProject.class)).toList();
		when(this.host.listProjects("demo")).thenReturn(projects);

		assertThat(this.client.listProjects("demo")).hasSize(250);

		verify(this.budget).spend(TaskerCaller.UNNAMED, 1);
		verify(this.budget).charge(TaskerCaller.UNNAMED, 2);
	}

	@Test
	void anyCallWhenTaskerAnswers429ThenEveryNodeIsPausedForItsRetryAfter() {
		when(this.host.getProject("demo", PROJECT)).thenThrow(new TaskerRateLimitedException(Duration.ofSeconds(17)));

		assertThatExceptionOfType(TaskerRateLimitedException.class)
			.isThrownBy(() -> this.client.getProject("demo", PROJECT));

		verify(this.budget).pause(Duration.ofSeconds(17));
	}

	@Test
	void anyCallWhenTaskerAnswers403Or404ForAProjectThenItsKeptMembershipsAreDropped() {
		when(this.host.getProject("demo", PROJECT)).thenThrow(new TaskerForbiddenException());
		when(this.host.listStates("demo", PROJECT)).thenThrow(new TaskerNotFoundException());

		assertThatExceptionOfType(TaskerForbiddenException.class)
			.isThrownBy(() -> this.client.getProject("demo", PROJECT));
		assertThatExceptionOfType(TaskerNotFoundException.class)
			.isThrownBy(() -> this.client.listStates("demo", PROJECT));

		verify(this.memberships, org.mockito.Mockito.times(2)).forgetProject("demo", PROJECT);
	}

	@Test
	void getWorkItemByIdentifierWhenTaskerAnswers404ThenTheProjectLearntFromAnEarlierAnswerIsDropped() {
		WorkItemIdentifier web1 = WorkItemIdentifier.parse("WEB-1");
		TaskerWorkItem item = mock(TaskerWorkItem.class);
		when(item.projectId()).thenReturn(PROJECT);
		when(this.host.getWorkItemByIdentifier(org.mockito.ArgumentMatchers.eq("demo"), any())).thenReturn(item)
			.thenThrow(new TaskerNotFoundException());

		this.client.getWorkItemByIdentifier("demo", web1);
		assertThatExceptionOfType(TaskerNotFoundException.class)
			.isThrownBy(() -> this.client.getWorkItemByIdentifier("demo", WorkItemIdentifier.parse("WEB-7")));

		verify(this.memberships).forgetProject("demo", PROJECT);
	}

	@Test
	void membershipWhenAnAnswerIsKeptThenServedWithoutSpendingOrCallingTasker() {
		when(this.memberships.find("demo", PROJECT, "alice@launcher.local"))
			.thenReturn(Optional.of(new MembershipCache.Entry(true, "MEMBER", Instant.now())));

		ProjectMembership answer = this.client.membership("demo", PROJECT, "alice@launcher.local");

		assertThat(answer.isMember()).isTrue();
		assertThat(answer.role()).contains(ProjectRole.MEMBER);
		verifyNoInteractions(this.budget, this.host);
	}

	@Test
	void membershipWhenNothingIsKeptThenAsksTaskerAndKeepsADefiniteAnswerUnderTheCallersOwner() {
		when(this.memberships.find(any(), any(), any())).thenReturn(Optional.empty());
		when(this.host.membership("demo", PROJECT, "alice@launcher.local"))
			.thenReturn(ProjectMembership.notMember("host record"));

		try (TaskerCallScope scope = TaskerCallScope.open(AGENT)) {
			assertThat(this.client.membership("demo", PROJECT, "alice@launcher.local").isMember()).isFalse();
		}

		verify(this.budget).spend(AGENT, 1);
		verify(this.memberships).remember("demo", PROJECT, "alice@launcher.local", AGENT.ownerId(), false, null);
	}

	@Test
	void membershipWhenAPersonAsksAboutSomeoneThenKeptUnderTheAddressOnly() {
		when(this.memberships.find(any(), any(), any())).thenReturn(Optional.empty());
		when(this.host.membership("demo", PROJECT, "bob@launcher.local"))
			.thenReturn(ProjectMembership.member(ProjectRole.MEMBER, "host record"));

		try (TaskerCallScope scope = TaskerCallScope.open(TaskerCaller.human(UUID.randomUUID()))) {
			this.client.membership("demo", PROJECT, "bob@launcher.local");
		}

		verify(this.memberships).remember("demo", PROJECT, "bob@launcher.local", null, true, "MEMBER");
	}

	@Test
	void membershipWhenTaskerCannotTellThenTheUnknownAnswerIsNotKept() {
		when(this.memberships.find(any(), any(), any())).thenReturn(Optional.empty());
		when(this.host.membership("demo", PROJECT, "bob@launcher.local"))
			.thenReturn(ProjectMembership.unknown("no record"));

		assertThat(this.client.membership("demo", PROJECT, "bob@launcher.local").status())
			.isEqualTo(ProjectMembership.Status.UNKNOWN);

		verify(this.memberships, never()).remember(any(), any(), any(), any(),
				org.mockito.ArgumentMatchers.anyBoolean(), any());
	}

}
