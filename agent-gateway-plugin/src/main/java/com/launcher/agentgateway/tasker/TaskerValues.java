package com.launcher.agentgateway.tasker;

import java.util.UUID;

import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.workitem.Comment;
import com.launcher.agentgateway.workitem.Label;
import com.launcher.agentgateway.workitem.Member;
import com.launcher.agentgateway.workitem.NewWorkItem;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.State;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemChange;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerLabel;
import com.launcher.host.api.tasker.TaskerState;
import com.launcher.host.api.tasker.TaskerUser;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.host.api.tasker.WorkItemPatch;
import com.launcher.host.api.tasker.WorkItemPriority;

/**
 * Tasker's records as the domain's values and back. Every Tasker-authored text is made
 * inert here, once, on its way in (security.md, "Untrusted content"); what goes out is
 * whitelisted field by field.
 */
final class TaskerValues {

	private TaskerValues() {
	}

	static WorkItem workItem(TaskerWorkItem item, Attribution attribution) {
		return new WorkItem(item.id(), item.projectId(), item.sequenceId(), PlainText.sanitize(item.name()),
				UntrustedContent.fromHtml(item.descriptionHtml()), priority(item.priority()), item.stateId(),
				item.assigneeIds(), item.labelIds(), item.parentId(), item.startDate(), item.targetDate(),
				item.createdBy(), attribution.agentOf(item.projectId(), item.externalSource(), item.externalId()),
				item.createdAt(), item.updatedAt(), item.completedAt());
	}

	static Comment comment(TaskerComment comment, UUID projectId, Attribution attribution) {
		// created_by when Tasker recorded one, else actor: the user whose token wrote it
		// (plane-api.md §8).
		UUID author = (comment.createdBy() != null) ? comment.createdBy() : comment.actorId();
		return new Comment(comment.id(), comment.workItemId(), UntrustedContent.fromHtml(comment.commentHtml()), author,
				attribution.agentOf(projectId, comment.externalSource(), comment.externalId()), comment.createdAt());
	}

	static State state(TaskerState state) {
		return new State(state.id(), PlainText.sanitize(state.name()), state.group().planeValue(), state.isDefault());
	}

	static Label label(TaskerLabel label) {
		return new Label(label.id(), PlainText.sanitize(label.name()), PlainText.sanitize(label.color()));
	}

	static Member member(TaskerUser user) {
		return new Member(user.id(), PlainText.sanitize(user.displayName()));
	}

	static WorkItemDraft draft(NewWorkItem item, String descriptionHtml) {
		return new WorkItemDraft(PlainText.sanitize(item.title()), descriptionHtml, priority(item.priority()),
				item.stateId(), item.assigneeIds(), item.labelIds(), item.parentId(), item.startDate(),
				item.targetDate());
	}

	static WorkItemPatch patch(WorkItemChange change, String descriptionHtml) {
		WorkItemPatch.Builder patch = WorkItemPatch.builder();
		if (change.title() != null) {
			patch.name(PlainText.sanitize(change.title()));
		}
		if (descriptionHtml != null) {
			patch.descriptionHtml(descriptionHtml);
		}
		if (change.priority() != null) {
			patch.priority(priority(change.priority()));
		}
		if (change.stateId() != null) {
			patch.state(change.stateId());
		}
		if (change.assigneeIds() != null) {
			patch.assignees(change.assigneeIds());
		}
		if (change.labelIds() != null) {
			patch.labels(change.labelIds());
		}
		if (change.parentId() != null || change.clearParent()) {
			patch.parent(change.parentId());
		}
		if (change.startDate() != null || change.clearStartDate()) {
			patch.startDate(change.startDate());
		}
		if (change.targetDate() != null || change.clearTargetDate()) {
			patch.targetDate(change.targetDate());
		}
		return patch.build();
	}

	static Priority priority(WorkItemPriority priority) {
		return Priority.valueOf(priority.name());
	}

	static WorkItemPriority priority(Priority priority) {
		return (priority != null) ? WorkItemPriority.valueOf(priority.name()) : null;
	}

}
