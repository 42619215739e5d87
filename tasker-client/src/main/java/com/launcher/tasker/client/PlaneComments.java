package com.launcher.tasker.client;

import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.UUID;

import com.launcher.host.api.tasker.CommentDraft;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerPage;
import tools.jackson.databind.node.ObjectNode;

/**
 * A work item's comments: one page at a time, and posting one.
 */
final class PlaneComments {

	private final PlaneHttpTransport transport;

	private final PlanePager pager;

	private final WorkItemPathFamily family;

	PlaneComments(PlaneHttpTransport transport, PlanePager pager, WorkItemPathFamily family) {
		this.transport = transport;
		this.pager = pager;
		this.family = family;
	}

	TaskerPage<TaskerComment> list(String workspace, UUID projectId, UUID workItemId, PageRequest page) {
		String prj = PlanePaths.prj(workspace, projectId);
		Objects.requireNonNull(workItemId, "workItemId");
		PageCursor cursor = PageCursor.decode(Objects.requireNonNull(page, "page"));
		return this.family.call((family) -> this.pager.page(prj + family + "/" + workItemId + "/comments/",
				new LinkedHashMap<>(), cursor, PlaneJson::comment, TaskerComment::id));
	}

	TaskerComment create(String workspace, UUID projectId, UUID workItemId, CommentDraft draft, ExternalRef ref) {
		String prj = PlanePaths.prj(workspace, projectId);
		Objects.requireNonNull(workItemId, "workItemId");
		Objects.requireNonNull(draft, "draft");
		Objects.requireNonNull(ref, "ref");
		ObjectNode body = WriteBodies.comment(draft, ref);
		return this.family.call((family) -> PlaneJson
			.comment(this.transport.send("POST", prj + family + "/" + workItemId + "/comments/", body)));
	}

}
