package com.launcher.agentgateway.workitem;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.launcher.agentgateway.core.GatewayException;

/**
 * A card an agent asks for: only the whitelisted fields, the description in Markdown.
 *
 * @param title the title
 * @param descriptionMarkdown the description, or null
 * @param priority the priority, or null
 * @param stateId the state, or null
 * @param assigneeIds the assignees
 * @param labelIds the labels
 * @param parentId the parent, or null
 * @param startDate the start date, or null
 * @param targetDate the target date, or null
 */
public record NewWorkItem(String title, String descriptionMarkdown, Priority priority, UUID stateId,
		List<UUID> assigneeIds, List<UUID> labelIds, UUID parentId, LocalDate startDate, LocalDate targetDate) {

	public NewWorkItem {
		Objects.requireNonNull(title, "title");
		assigneeIds = (assigneeIds != null) ? List.copyOf(assigneeIds) : List.of();
		labelIds = (labelIds != null) ? List.copyOf(labelIds) : List.of();
		if (startDate != null && targetDate != null && startDate.isAfter(targetDate)) {
			throw GatewayException.invalid("start_date", "must not be after target_date");
		}
	}

}
