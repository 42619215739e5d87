package com.launcher.host.api.tasker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A Tasker work item (Plane "issue"). Text fields are Tasker-authored and untrusted.
 *
 * @param id the work item id
 * @param projectId the project
 * @param sequenceId the number in the readable id {@code WEB-12}
 * @param name the title
 * @param descriptionHtml the description as HTML, empty when none
 * @param priority the priority
 * @param stateId the state, {@code null} only for a malformed row
 * @param assigneeIds the assignees
 * @param labelIds the labels
 * @param parentId the parent item, or {@code null}
 * @param startDate the start date, or {@code null}
 * @param targetDate the target date, or {@code null}
 * @param externalSource the external source, or {@code null}
 * @param externalId the external id, or {@code null}
 * @param createdBy the creating Tasker user, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @param completedAt when it entered a completed state, or {@code null}
 */
public record TaskerWorkItem(UUID id, UUID projectId, long sequenceId, String name, String descriptionHtml,
		WorkItemPriority priority, UUID stateId, List<UUID> assigneeIds, List<UUID> labelIds, UUID parentId,
		LocalDate startDate, LocalDate targetDate, String externalSource, String externalId, UUID createdBy,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime completedAt) {

	public TaskerWorkItem {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(name, "name");
		descriptionHtml = (descriptionHtml != null) ? descriptionHtml : "";
		priority = (priority != null) ? priority : WorkItemPriority.NONE;
		assigneeIds = Checks.list(assigneeIds, "assigneeIds");
		labelIds = Checks.list(labelIds, "labelIds");
	}

	/**
	 * The readable id of this item, for example {@code WEB-12}.
	 * @param projectIdentifier the identifier of the item's project
	 * @return the readable id
	 */
	public WorkItemIdentifier identifier(String projectIdentifier) {
		return new WorkItemIdentifier(projectIdentifier, this.sequenceId);
	}

}
