package com.launcher.agentgateway.tasker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemFilter;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerWorkItem;

/**
 * A filtered page of a project's work items read live from Tasker. Tasker filters nothing
 * (plane-api.md R9, quirk 5), so its pages are filtered here, reading at most
 * {@value #MAX_TASKER_PAGES} pages of {@value #TASKER_PAGE_SIZE} per call, so that a
 * sparse filter cannot spend Tasker's shared rate budget in one go. Where it stopped is
 * written in a {@link TaskerListCursor}.
 */
final class TaskerListing {

	static final int MAX_TASKER_PAGES = 5;

	static final int TASKER_PAGE_SIZE = 100;

	private TaskerListing() {
	}

	/**
	 * @param grant the granted project
	 * @param filter what the agent asked for
	 * @param request the agent's cursor and limit
	 * @param pages reads one page of Tasker's list, its errors already translated
	 * @param attribution tells which cards the gateway wrote
	 * @return the items that match, and a cursor where more may follow
	 */
	static Page<WorkItem> read(Grant grant, WorkItemFilter filter, Page.Request request,
			Function<PageRequest, TaskerPage<TaskerWorkItem>> pages, Attribution attribution) {
		TaskerListCursor position = TaskerListCursor.parse(request.cursor());
		List<WorkItem> items = new ArrayList<>();
		for (int read = 1;; read++) {
			TaskerPage<TaskerWorkItem> result = pages.apply(new PageRequest(position.taskerCursor(), TASKER_PAGE_SIZE));
			List<TaskerWorkItem> rows = result.items();
			for (int i = position.skip(); i < rows.size(); i++) {
				// Tasker's list is the project's; an item of another project is dropped
				// all the same (scope is the gateway's to enforce).
				WorkItem item = TaskerValues.workItem(rows.get(i), attribution);
				if (!item.projectId().equals(grant.projectId()) || !filter.matches(item)) {
					continue;
				}
				items.add(item);
				if (items.size() == request.limit() && (i + 1 < rows.size() || result.hasNext())) {
					TaskerListCursor next = (i + 1 < rows.size()) ? new TaskerListCursor(position.taskerCursor(), i + 1)
							: new TaskerListCursor(result.nextCursor().get(), 0);
					return Page.live(items, Optional.of(next.toString()));
				}
			}
			if (!result.hasNext()) {
				return Page.live(items, Optional.empty());
			}
			position = new TaskerListCursor(result.nextCursor().get(), 0);
			if (read >= MAX_TASKER_PAGES) {
				return Page.live(items, Optional.of(position.toString()));
			}
		}
	}

}
