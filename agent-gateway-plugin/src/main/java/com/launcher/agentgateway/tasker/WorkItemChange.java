package com.launcher.agentgateway.tasker;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemPatch;
import com.launcher.host.api.tasker.WorkItemPriority;

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
public record WorkItemChange(String title, String descriptionMarkdown, WorkItemPriority priority, UUID stateId,
		List<UUID> assigneeIds, List<UUID> labelIds, UUID parentId, LocalDate startDate, LocalDate targetDate,
		boolean clearParent, boolean clearStartDate, boolean clearTargetDate) {

	WorkItemPatch toPatch(String descriptionHtml) {
		WorkItemPatch.Builder patch = WorkItemPatch.builder();
		if (this.title != null) {
			patch.name(UntrustedContent.sanitize(this.title));
		}
		if (descriptionHtml != null) {
			patch.descriptionHtml(descriptionHtml);
		}
		if (this.priority != null) {
			patch.priority(this.priority);
		}
		if (this.stateId != null) {
			patch.state(this.stateId);
		}
		if (this.assigneeIds != null) {
			patch.assignees(this.assigneeIds);
		}
		if (this.labelIds != null) {
			patch.labels(this.labelIds);
		}
		if (this.parentId != null || this.clearParent) {
			patch.parent(this.parentId);
		}
		if (this.startDate != null || this.clearStartDate) {
			patch.startDate(this.startDate);
		}
		if (this.targetDate != null || this.clearTargetDate) {
			patch.targetDate(this.targetDate);
		}
		return patch.build();
	}

	/**
	 * Whether the card already shows every change except the description (whose HTML
	 * Tasker may normalise), used to recognise our own earlier write when reconciling.
	 * @param item the card as it is now
	 * @return true when nothing checkable differs
	 */
	boolean isReflectedIn(TaskerWorkItem item) {
		return (this.title == null || UntrustedContent.sanitize(this.title).equals(item.name()))
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
