package com.launcher.agentgateway.mcp.tool;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.WorkItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkItemViewsTests {

	private final UUID agent = UUID.randomUUID();

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

		Map<String, Object> view = WorkItemViews.full(item, TestGrants.read(this.agent, "WEB"), this.agent);

		assertThat(view).containsEntry("identifier", "WEB-12")
			.containsEntry("priority", "high")
			.containsEntry("created_by_this_agent", true)
			.containsEntry("updated_at", "2026-12-01T10:00Z");
		@SuppressWarnings("unchecked")
		Map<String, Object> description = (Map<String, Object>) view.get("description");
		assertThat(description).containsEntry("author_is_this_agent", true).containsEntry("text", "Body");
		assertThat(WorkItemViews.full(item, TestGrants.read(this.agent, "WEB"), UUID.randomUUID()))
			.containsEntry("created_by_this_agent", false);
	}

}
