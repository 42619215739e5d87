package com.launcher.agentgateway.mcp.tool;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.workitem.Label;
import com.launcher.agentgateway.workitem.Member;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.State;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItems;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class WorkItemViewsTests {

	private final UUID agent = UUID.randomUUID();

	private final UUID author = UUID.randomUUID();

	private final UUID todo = UUID.randomUUID();

	private final WorkItems workItems = mock(WorkItems.class);

	@Test
	void envelopeWhenBuiltThenMarkedUntrustedWithProvenanceAndInertText() {
		assertThat(WorkItemViews.envelope("<b>hi</b>\u202e", null, true)).containsEntry("untrusted", true)
			.containsEntry("author_id", null)
			.containsEntry("author_is_this_agent", true)
			.containsEntry("text", "\u2039b\u203ahi\u2039/b\u203a");
	}

	@Test
	void fullWhenTheAgentWroteTheCardThenSaidSoInEachEnvelopeAndTheReadableIdUsesTheGrantsIdentifier() {
		WorkItem item = new WorkItem(UUID.randomUUID(), UUID.randomUUID(), 12, "Title", "Body", Priority.HIGH, null,
				List.of(), List.of(), null, null, null, UUID.randomUUID(), this.agent, null,
				OffsetDateTime.parse("2026-12-01T10:00:00Z"), null);
		given(this.workItems.members(any())).willReturn(Page.live(List.of(), Optional.empty()));

		Map<String, Object> view = WorkItemViews.full(item, TestGrants.read(this.agent, "WEB"), this.agent, names());

		assertThat(view).containsEntry("identifier", "WEB-12")
			.containsEntry("priority", "high")
			.containsEntry("created_by_this_agent", true)
			.containsEntry("updated_at", "2026-12-01T10:00Z");
		@SuppressWarnings("unchecked")
		Map<String, Object> description = (Map<String, Object>) view.get("description");
		assertThat(description).containsEntry("author_is_this_agent", true).containsEntry("text", "Body");
		assertThat(WorkItemViews.full(item, TestGrants.read(this.agent, "WEB"), UUID.randomUUID(), names()))
			.containsEntry("created_by_this_agent", false);
	}

	@Test
	void fullWhenTheProjectKnowsTheNamesThenStateLabelsAndPeopleCarryThemEachListReadOnce() {
		UUID bug = UUID.randomUUID();
		WorkItem item = new WorkItem(UUID.randomUUID(), UUID.randomUUID(), 3, "Title", "Body", Priority.NONE, this.todo,
				List.of(this.author), List.of(bug), null, null, null, this.author, null, null, null, null);
		given(this.workItems.states(any()))
			.willReturn(Page.live(List.of(new State(this.todo, "To\u202edo", "unstarted", true)), Optional.empty()));
		given(this.workItems.labels(any()))
			.willReturn(Page.live(List.of(new Label(bug, "bug", "#f00")), Optional.empty()));
		given(this.workItems.members(any()))
			.willReturn(Page.live(List.of(new Member(this.author, "Alice")), Optional.empty()));

		Map<String, Object> view = WorkItemViews.full(item, TestGrants.read(this.agent, "WEB"), this.agent, names());

		assertThat(view.get("state"))
			.isEqualTo(Map.of("id", this.todo.toString(), "name", "Todo", "group", "unstarted"));
		assertThat(view.get("labels")).isEqualTo(List.of(Map.of("id", bug.toString(), "name", "bug")));
		assertThat(view.get("assignees"))
			.isEqualTo(List.of(Map.of("id", this.author.toString(), "display_name", "Alice")));
		assertThat(view.get("author")).isEqualTo(Map.of("id", this.author.toString(), "display_name", "Alice"));
		verify(this.workItems).members(any());
	}

	@Test
	void summaryWhenTheCardHasNoLabelsOrAssigneesThenOnlyTheStatesAreRead() {
		WorkItem item = new WorkItem(UUID.randomUUID(), UUID.randomUUID(), 3, "Title", "Body", Priority.NONE, this.todo,
				List.of(), List.of(), null, null, null, this.author, null, null, null, null);
		given(this.workItems.states(any())).willReturn(Page.live(List.of(), Optional.empty()));

		Map<String, Object> view = WorkItemViews.summary(item, TestGrants.read(this.agent, "WEB"), this.agent, names());

		assertThat(view).doesNotContainKeys("description", "author", "project_id");
		assertThat(view.get("state")).isEqualTo(Map.of("id", this.todo.toString()));
		verify(this.workItems).states(any());
		verifyNoMoreInteractions(this.workItems);
	}

	private ProjectNames names() {
		return new ProjectNames(this.workItems, TestGrants.read(this.agent, "WEB"));
	}

}
