package com.launcher.agentgateway.workitem;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.PlainText;

/**
 * The whitelisted changes an agent may make to a card (plane-api.md §3.3: never
 * {@code archived_at}, {@code deleted_at}, {@code is_draft}, {@code sequence_id},
 * {@code created_by} or {@code project}). A null field is left as it is; the dates and
 * the parent can be cleared explicitly.
 *
 * @param title a new title
 * @param descriptionMarkdown a new description in Markdown
 * @param priority a new priority
 * @param stateId a new state
 * @param assigneeIds a new assignee set
 * @param labelIds a new label set
 * @param parentId a new parent
 * @param startDate a new start date
 * @param targetDate a new target date
 * @param clearParent whether to remove the parent
 * @param clearStartDate whether to remove the start date
 * @param clearTargetDate whether to remove the target date
 */
public record WorkItemChange(String title, String descriptionMarkdown, Priority priority, UUID stateId,
		List<UUID> assigneeIds, List<UUID> labelIds, UUID parentId, LocalDate startDate, LocalDate targetDate,
		boolean clearParent, boolean clearStartDate, boolean clearTargetDate) {

	public WorkItemChange {
		if (title != null && title.isBlank()) {
			throw GatewayException.invalid("title", "must not be blank");
		}
		assigneeIds = (assigneeIds != null) ? List.copyOf(assigneeIds) : null;
		labelIds = (labelIds != null) ? List.copyOf(labelIds) : null;
	}

	/**
	 * Whether the card already shows every change except the description (whose HTML
	 * Tasker may normalise), used to recognise our own earlier write when reconciling.
	 * @param item the card as it is now
	 * @return true when nothing checkable differs
	 */
	public boolean isReflectedIn(WorkItem item) {
		return (this.title == null || PlainText.sanitize(this.title).equals(item.title()))
				&& (this.priority == null || this.priority == item.priority())
				&& (this.stateId == null || this.stateId.equals(item.stateId()))
				&& (this.assigneeIds == null
						|| new HashSet<>(this.assigneeIds).equals(new HashSet<>(item.assigneeIds())))
				&& (this.labelIds == null || new HashSet<>(this.labelIds).equals(new HashSet<>(item.labelIds())))
				&& ((this.parentId == null && !this.clearParent) || Objects.equals(this.parentId, item.parentId()))
				&& ((this.startDate == null && !this.clearStartDate)
						|| Objects.equals(this.startDate, item.startDate()))
				&& ((this.targetDate == null && !this.clearTargetDate)
						|| Objects.equals(this.targetDate, item.targetDate()));
	}

}
