package com.launcher.agentgateway.tasker;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TaskerProjects.Membership;
import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.PostedComment;
import com.launcher.agentgateway.workitem.ReadableId;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemChange;
import com.launcher.agentgateway.workitem.WorkItemFilter;
import com.launcher.agentgateway.workitem.WorkItemRef;
import com.launcher.agentgateway.workitem.WorkItems.Freshness;
import com.launcher.host.api.tasker.CommentDraft;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.TaskerAlreadyExistsException;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerRateLimitedException;
import com.launcher.host.api.tasker.TaskerUser;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemIdentifier;
import com.launcher.host.api.tasker.WorkItemPriority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The work items port over a Tasker client (a mock: these are the adapter's own rules;
 * the end-to-end tests run it against the sandbox over HTTP).
 */
class TaskerWorkItemsTests {

	private final TaskerClient client = mock(TaskerClient.class);

	private final TaskerWorkItems workItems = new TaskerWorkItems(this.client, TestAttribution.keyed());

	private final UUID agentId = UUID.randomUUID();

	private final Grant web = TestGrants.write(this.agentId, "WEB");

	private final AgentPrincipal agent = new AgentPrincipal(this.agentId, "bot", UUID.randomUUID(), "ada@example.test",
			"Ada", UUID.randomUUID(), "agw_ab…wxyz", List.of(this.web), "req-1", "192.0.2.1");

	@Test
	void getWhenReadableIdNamesAnotherProjectThenRefusedBeforeAnyTaskerCall() {
		assertRefused(() -> this.workItems.get(this.web, new WorkItemRef.ByReadableId(new ReadableId("OPS", 1)),
				Freshness.ANY), ErrorCode.PROJECT_NOT_GRANTED);

		verifyNoInteractions(this.client);
	}

	@Test
	void memberIdWhenAMemberHasTheEmailInAnyCaseThenTheirIdAndNoneForAStranger() {
		UUID ada = UUID.randomUUID();
		given(this.client.listProjectMembers("acme", this.web.projectId()))
			.willReturn(List.of(new TaskerUser(UUID.randomUUID(), "bob@example.test", "Bob"),
					new TaskerUser(ada, "Ada@Example.test", "Ada")));

		assertThat(this.workItems.memberId(this.web, "ada@example.test")).contains(ada);
		assertThat(this.workItems.memberId(this.web, "eve@example.test")).isEmpty();
		assertThat(this.workItems.memberId(this.web, null)).isEmpty();
	}

	@Test
	void getWhenTaskerAnswersWithACardOfAnotherProjectThenNotFound() {
		UUID id = UUID.randomUUID();
		given(this.client.getWorkItem("acme", this.web.projectId(), id)).willReturn(item(id, UUID.randomUUID(), 1));

		assertRefused(() -> this.workItems.get(this.web, new WorkItemRef.ById(id), Freshness.LIVE),
				ErrorCode.NOT_FOUND);
	}

	@Test
	void getWhenReadThenTextInertProvenanceFromTheExternalIdAndNoAsOf() {
		UUID id = UUID.randomUUID();
		ExternalRef mine = TestAttribution.keyed()
			.externalRef(this.web.projectId(), this.agentId, new IdempotencyKey("key-00000001"));
		given(this.client.getWorkItemByIdentifier("acme", new WorkItemIdentifier("WEB", 7)))
			.willReturn(new TaskerWorkItem(id, this.web.projectId(), 7, "Title\u202e<x>",
					"<p>Body</p><script>x</script>", WorkItemPriority.URGENT, null, List.of(), List.of(), null, null,
					null, mine.source(), mine.id(), null, null, null, null));

		var snapshot = this.workItems.get(this.web, new WorkItemRef.ByReadableId(new ReadableId("WEB", 7)),
				Freshness.ANY);

		assertThat(snapshot.asOf()).isEmpty();
		WorkItem card = snapshot.value();
		assertThat(card.title()).isEqualTo("Title\u2039x\u203a");
		assertThat(card.description()).isEqualTo("Body");
		assertThat(card.writtenBy(this.agentId)).isTrue();
		assertThat(card.readableId("WEB")).isEqualTo("WEB-7");
	}

	@Test
	void listWhenTheLimitIsReachedInsideAPageThenTheCursorResumesAtTheNextCard() {
		List<TaskerWorkItem> rows = IntStream.rangeClosed(1, 10)
			.mapToObj((n) -> item(UUID.randomUUID(), this.web.projectId(), n))
			.toList();
		given(this.client.listWorkItems(eq("acme"), eq(this.web.projectId()), any()))
			.willReturn(new TaskerPage<>(rows, Optional.empty(), 10));

		Page<WorkItem> first = this.workItems.list(this.web, filter(null), new Page.Request(null, 4));
		Page<WorkItem> second = this.workItems.list(this.web, filter(null),
				new Page.Request(first.nextCursor().get(), 4));
		Page<WorkItem> last = this.workItems.list(this.web, filter(null),
				new Page.Request(second.nextCursor().get(), 4));

		List<Long> seen = new ArrayList<>();
		for (Page<WorkItem> page : List.of(first, second, last)) {
			page.items().forEach((card) -> seen.add(card.sequenceId()));
		}
		assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		assertThat(last.nextCursor()).isEmpty();
	}

	@Test
	void listWhenTheFilterIsSparseThenAtMostFiveTaskerPagesAndACursorToGoOn() {
		given(this.client.listWorkItems(eq("acme"), eq(this.web.projectId()), any())).willReturn(new TaskerPage<>(
				List.of(item(UUID.randomUUID(), this.web.projectId(), 1)), Optional.of("100:1:0"), 1000));

		Page<WorkItem> page = this.workItems.list(this.web, filter("nowhere"), new Page.Request(null, 25));

		assertThat(page.items()).isEmpty();
		assertThat(page.nextCursor()).contains("100:1:0|0");
		verify(this.client, times(TaskerListing.MAX_TASKER_PAGES)).listWorkItems(any(), any(), any());
	}

	@Test
	void listWhenTheCursorIsNotOursThenRefusedBeforeAnyTaskerCall() {
		for (String cursor : List.of("garbage", "|101", "a b|0", "x".repeat(101) + "|0", "5")) {
			assertRefused(() -> this.workItems.list(this.web, filter(null), new Page.Request(cursor, 5)),
					ErrorCode.VALIDATION_FAILED);
		}
		verifyNoInteractions(this.client);
	}

	@Test
	void listWhenTaskerIsRateLimitedThenTheOneErrorTableSaysWhenToRetry() {
		given(this.client.listWorkItems(any(), any(), any()))
			.willThrow(new TaskerRateLimitedException(Duration.ofSeconds(9)));

		GatewayException refused = assertRefused(
				() -> this.workItems.list(this.web, filter(null), new Page.Request(null, 5)),
				ErrorCode.TASKER_RATE_LIMITED);
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(9));
	}

	@Test
	void ownerMembershipWhenTaskerCannotTellThenUnknown() {
		given(this.client.membership("acme", this.web.projectId(), "ada@example.test"))
			.willReturn(ProjectMembership.unknown("test"));

		assertThat(this.workItems.ownerMembership(this.agent, this.web)).isEqualTo(Membership.UNKNOWN);
		assertRefused(() -> this.workItems.requireOwnerMembership(this.agent, this.web),
				ErrorCode.OWNER_MEMBERSHIP_UNKNOWN);
	}

	@Test
	void membersWhenListedThenNamesInertAndNoEmail() {
		given(this.client.listProjectMembers("acme", this.web.projectId()))
			.willReturn(List.of(new TaskerUser(UUID.randomUUID(), "bob@example.test", "Bob\u200b <admin>")));

		assertThat(this.workItems.members(this.web).items()).singleElement()
			.satisfies((member) -> assertThat(member.displayName()).isEqualTo("Bob \u2039admin\u203a"));
	}

	@Test
	void addCommentWhenTheReferenceExistsAlreadyThenThatEarlierCommentIsTheAnswer() {
		UUID card = UUID.randomUUID();
		UUID existing = UUID.randomUUID();
		given(this.client.getWorkItem("acme", this.web.projectId(), card))
			.willReturn(item(card, this.web.projectId(), 3));
		given(this.client.createComment(eq("acme"), eq(this.web.projectId()), eq(card), any(CommentDraft.class),
				any(ExternalRef.class)))
			.willThrow(new TaskerAlreadyExistsException(existing));

		PostedComment posted = this.workItems.addComment(this.web, this.agent, new WorkItemRef.ById(card), "hello",
				new IdempotencyKey("key-00000001"));

		assertThat(posted.comment().id()).isEqualTo(existing);
		assertThat(posted.comment().writtenBy(this.agentId)).isTrue();
		assertThat(posted.card().sequenceId()).isEqualTo(3);
	}

	@Test
	void addCommentWhenTheTextCarriesACredentialThenRefusedBeforeAnyTaskerCall() {
		assertRefused(
				() -> this.workItems.addComment(this.web, this.agent, new WorkItemRef.ById(UUID.randomUUID()),
						"token agw_" + "a".repeat(38), new IdempotencyKey("key-00000001")),
				ErrorCode.SECRET_IN_CONTENT);

		verifyNoInteractions(this.client);
	}

	@Test
	void updateWhenTheCardChangedSinceThenWorkItemChangedAndNoPatch() {
		UUID card = UUID.randomUUID();
		given(this.client.getWorkItem("acme", this.web.projectId(), card))
			.willReturn(item(card, this.web.projectId(), 3));

		assertRefused(() -> this.workItems.update(this.web, this.agent, new WorkItemRef.ById(card), change("New"),
				OffsetDateTime.parse("2020-01-01T00:00:00Z"), false), ErrorCode.WORK_ITEM_CHANGED);

		verify(this.client, never()).updateWorkItem(any(), any(), any(), any());
	}

	@Test
	void updateWhenReconcilingAndTheCardShowsTheChangeThenItIsTheEarlierSuccess() {
		UUID card = UUID.randomUUID();
		given(this.client.getWorkItem("acme", this.web.projectId(), card))
			.willReturn(item(card, this.web.projectId(), 3));

		WorkItem current = this.workItems.update(this.web, this.agent, new WorkItemRef.ById(card), change("Card 3"),
				OffsetDateTime.parse("2020-01-01T00:00:00Z"), true);

		assertThat(current.title()).isEqualTo("Card 3");
		verify(this.client, never()).updateWorkItem(any(), any(), any(), any());
	}

	private static WorkItemFilter filter(String text) {
		return new WorkItemFilter(null, null, null, text, null);
	}

	private static WorkItemChange change(String title) {
		return new WorkItemChange(title, null, null, null, null, null, null, null, null, false, false, false);
	}

	private static TaskerWorkItem item(UUID id, UUID projectId, long sequence) {
		return new TaskerWorkItem(id, projectId, sequence, "Card " + sequence, "", WorkItemPriority.NONE, null,
				List.of(), List.of(), null, null, null, null, null, null, null,
				OffsetDateTime.parse("2026-12-01T10:00:00Z"), null);
	}

	private static GatewayException assertRefused(Runnable call, ErrorCode code) {
		GatewayException[] thrown = new GatewayException[1];
		assertThatExceptionOfType(GatewayException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.errorCode()).isEqualTo(code);
			thrown[0] = ex;
		});
		return thrown[0];
	}

}
