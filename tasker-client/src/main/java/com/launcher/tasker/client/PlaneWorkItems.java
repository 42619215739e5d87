package com.launcher.tasker.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.TaskerAlreadyExistsException;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.host.api.tasker.WorkItemIdentifier;
import com.launcher.host.api.tasker.WorkItemPatch;
import tools.jackson.databind.node.ObjectNode;

/**
 * Work items: reads, the external-id lookup, writes, and the idempotent create that
 * serialises per (project, external ref) on striped local locks.
 */
final class PlaneWorkItems {

	private final PlaneHttpTransport transport;

	private final PlanePager pager;

	private final WorkItemPathFamily family;

	private final ReentrantLock[] createLocks = new ReentrantLock[64];

	PlaneWorkItems(PlaneHttpTransport transport, PlanePager pager, WorkItemPathFamily family) {
		this.transport = transport;
		this.pager = pager;
		this.family = family;
		for (int i = 0; i < this.createLocks.length; i++) {
			this.createLocks[i] = new ReentrantLock();
		}
	}

	TaskerPage<TaskerWorkItem> list(String workspace, UUID projectId, PageRequest page) {
		String prj = PlanePaths.prj(workspace, projectId);
		Objects.requireNonNull(page, "page");
		PageCursor cursor = PageCursor.decode(page);
		return this.family.call((family) -> {
			Map<String, String> query = new LinkedHashMap<>();
			query.put("order_by", "-created_at");
			return this.pager.page(prj + family + "/", query, cursor, PlaneJson::workItem, TaskerWorkItem::id);
		});
	}

	TaskerWorkItem get(String workspace, UUID projectId, UUID workItemId) {
		String prj = PlanePaths.prj(workspace, projectId);
		Objects.requireNonNull(workItemId, "workItemId");
		return this.family
			.call((family) -> PlaneJson.workItem(this.transport.get(prj + family + "/" + workItemId + "/", Map.of())));
	}

	TaskerWorkItem getByIdentifier(String workspace, WorkItemIdentifier identifier) {
		String ws = PlanePaths.ws(workspace);
		Objects.requireNonNull(identifier, "identifier");
		return this.family
			.call((family) -> PlaneJson.workItem(this.transport.get(ws + family + "/" + identifier + "/", Map.of())));
	}

	Optional<TaskerWorkItem> findByExternalId(String workspace, UUID projectId, ExternalRef ref) {
		String prj = PlanePaths.prj(workspace, projectId);
		Objects.requireNonNull(ref, "ref");
		Map<String, String> query = new LinkedHashMap<>();
		query.put("external_id", ref.id());
		query.put("external_source", ref.source());
		try {
			// plane-api.md R9b: with both params the list answers one object, or 404.
			return Optional
				.of(this.family.call((family) -> PlaneJson.workItem(this.transport.get(prj + family + "/", query))));
		}
		catch (TaskerNotFoundException ex) {
			return Optional.empty();
		}
	}

	TaskerWorkItem create(String workspace, UUID projectId, WorkItemDraft draft, ExternalRef ref) {
		String prj = PlanePaths.prj(workspace, projectId);
		Objects.requireNonNull(draft, "draft");
		Objects.requireNonNull(ref, "ref");
		ObjectNode body = WriteBodies.create(draft, ref);
		return this.family.call((family) -> PlaneJson.workItem(this.transport.send("POST", prj + family + "/", body)));
	}

	TaskerWorkItem createIdempotently(String workspace, UUID projectId, WorkItemDraft draft, ExternalRef ref) {
		PlanePaths.prj(workspace, projectId);
		Objects.requireNonNull(draft, "draft");
		Objects.requireNonNull(ref, "ref");
		// plane-api.md §5: serialise per (project, source, id) locally, look up, create,
		// resolve a 409.
		ReentrantLock lock = this.createLocks[Math.floorMod(Objects.hash(projectId, ref), this.createLocks.length)];
		lock.lock();
		try {
			Optional<TaskerWorkItem> existing = findByExternalId(workspace, projectId, ref);
			if (existing.isPresent()) {
				return existing.get();
			}
			try {
				return create(workspace, projectId, draft, ref);
			}
			catch (TaskerAlreadyExistsException ex) {
				try {
					return get(workspace, projectId, ex.existingId());
				}
				catch (TaskerNotFoundException archived) {
					return findByExternalId(workspace, projectId, ref).orElseThrow(TaskerNotFoundException::new);
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	TaskerWorkItem update(String workspace, UUID projectId, UUID workItemId, WorkItemPatch patch) {
		String prj = PlanePaths.prj(workspace, projectId);
		Objects.requireNonNull(workItemId, "workItemId");
		Objects.requireNonNull(patch, "patch");
		if (patch.isEmpty()) {
			throw new IllegalArgumentException("patch changes nothing");
		}
		ObjectNode body = WriteBodies.patch(patch);
		return this.family.call((family) -> PlaneJson
			.workItem(this.transport.send("PATCH", prj + family + "/" + workItemId + "/", body)));
	}

}
