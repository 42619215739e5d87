package com.launcher.agentgateway.workitem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A Tasker card (Plane "issue"). Its texts are inert plain text already; they are still
 * untrusted: people wrote them.
 *
 * @param id the card's id
 * @param projectId its project
 * @param sequenceId the number in its readable id ({@code WEB-12})
 * @param title the title
 * @param description the description as text, empty when none
 * @param priority the priority
 * @param stateId the state, null only for a malformed row
 * @param assigneeIds the assignees
 * @param labelIds the labels
 * @param parentId the parent card, or null
 * @param startDate the start date, or null
 * @param targetDate the target date, or null
 * @param createdBy the Tasker user who created it, or null
 * @param writtenByAgent the agent that created it through the gateway, by provenance only
 * the gateway can give; null for anything else
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param completedAt when it entered a completed state, or null
 */
public record WorkItem(UUID id, UUID projectId, long sequenceId, String title, String description, Priority priority,
		UUID stateId, List<UUID> assigneeIds, List<UUID> labelIds, UUID parentId, LocalDate startDate,
		LocalDate targetDate, UUID createdBy, UUID writtenByAgent, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		OffsetDateTime completedAt) {

	public WorkItem {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(title, "title");
		description = (description != null) ? description : "";
		priority = (priority != null) ? priority : Priority.NONE;
		assigneeIds = List.copyOf(assigneeIds);
		labelIds = List.copyOf(labelIds);
	}

	/**
	 * Its readable id, when the project has an identifier.
	 * @param projectIdentifier the identifier of its project, or null
	 * @return for example {@code WEB-12}, or null
	 */
	public String readableId(String projectIdentifier) {
		return (projectIdentifier != null) ? projectIdentifier + "-" + this.sequenceId : null;
	}

	/** Whether this agent created it through the gateway. */
	public boolean writtenBy(UUID agentId) {
		return agentId.equals(this.writtenByAgent);
	}

}
