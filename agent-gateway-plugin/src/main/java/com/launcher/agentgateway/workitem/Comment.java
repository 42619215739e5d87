package com.launcher.agentgateway.workitem;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A comment on a card; its body is inert plain text, written by people.
 *
 * @param id the comment's id
 * @param workItemId the card
 * @param body the text
 * @param authorId the Tasker user recorded as its author, or null
 * @param writtenByAgent the agent that wrote it through the gateway, or null
 * @param createdAt when it was written, or null
 */
public record Comment(UUID id, UUID workItemId, String body, UUID authorId, UUID writtenByAgent,
		OffsetDateTime createdAt) {

	public Comment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(workItemId, "workItemId");
		body = (body != null) ? body : "";
	}

	/** Whether this agent wrote it through the gateway. */
	public boolean writtenBy(UUID agentId) {
		return agentId.equals(this.writtenByAgent);
	}

}
