package com.launcher.tasker.client;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerInvalidRequestException;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemStamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What an incremental sync reads (plane-api.md §7 "Incremental sync"): a project's work
 * items most recently updated first, a sweep of ids and update times, and a card's
 * comments, all in pages as large as Tasker allows. Plane CE allows 1000; an instance
 * that refuses it with a 400 gets 100 from then on, which this client remembers.
 */
final class PlaneSync {

	/** Plane CE's largest page ({@code MAX_LIMIT} in {@code utils/paginator.py}). */
	static final int LARGE_PAGE = 1000;

	/** The page size every Plane edition accepts. */
	static final int FALLBACK_PAGE = 100;

	private static final int MAX_PAGES = 1000;

	private static final Logger logger = LoggerFactory.getLogger(PlaneSync.class);

	private final PlanePager pager;

	private final WorkItemPathFamily family;

	private final AtomicInteger pageSize = new AtomicInteger(LARGE_PAGE);

	PlaneSync(PlanePager pager, WorkItemPathFamily family) {
		this.pager = pager;
		this.family = family;
	}

	TaskerPage<TaskerWorkItem> recentlyUpdated(String workspace, UUID projectId, String cursor) {
		String prj = PlanePaths.prj(workspace, projectId);
		SyncCursor position = SyncCursor.decode(cursor);
		Map<String, String> query = new LinkedHashMap<>();
		query.put("order_by", "-updated_at");
		return this.family
			.call((family) -> page(prj + family + "/", query, position, PlaneJson::workItem, TaskerWorkItem::id));
	}

	TaskerPage<WorkItemStamp> stamps(String workspace, UUID projectId, String cursor) {
		String prj = PlanePaths.prj(workspace, projectId);
		SyncCursor position = SyncCursor.decode(cursor);
		Map<String, String> query = new LinkedHashMap<>();
		// Oldest first: cards created during a sweep join its end instead of shifting
		// the pages still to read.
		query.put("order_by", "created_at");
		query.put("fields", "id,updated_at");
		return this.family
			.call((family) -> page(prj + family + "/", query, position, PlaneSync::stamp, WorkItemStamp::id));
	}

	List<TaskerComment> allComments(String workspace, UUID projectId, UUID workItemId) {
		String prj = PlanePaths.prj(workspace, projectId);
		Objects.requireNonNull(workItemId, "workItemId");
		return this.family.call((family) -> {
			String path = prj + family + "/" + workItemId + "/comments/";
			Map<UUID, TaskerComment> seen = new LinkedHashMap<>();
			SyncCursor position = SyncCursor.FIRST;
			for (int pages = 0; pages < MAX_PAGES; pages++) {
				Sized<TaskerComment> sized = fetch(path, Map.of(), position, PlaneJson::comment, TaskerComment::id);
				int before = seen.size();
				// plane-api.md §2.1: offset paging can repeat rows, so de-duplicate by
				// id.
				sized.fetched().items().forEach((comment) -> seen.putIfAbsent(comment.id(), comment));
				if (!sized.fetched().more() || seen.size() == before) {
					break;
				}
				position = sized.cursor().next();
			}
			return List.copyOf(seen.values());
		});
	}

	private <T> TaskerPage<T> page(String path, Map<String, String> query, SyncCursor position,
			Function<JsonNode, T> reader, Function<T, UUID> id) {
		Sized<T> sized = fetch(path, query, position, reader, id);
		PlanePager.Fetched<T> fetched = sized.fetched();
		return new TaskerPage<>(fetched.items(),
				fetched.more() ? Optional.of(sized.cursor().next().encode()) : Optional.empty(), fetched.total());
	}

	/**
	 * One page in the largest size Tasker is known to accept, learning a smaller one from
	 * Plane's 400 "Invalid per_page value" (plane-api.md §2.1); a cursor made in larger
	 * pages is moved to the same row in smaller ones.
	 */
	private <T> Sized<T> fetch(String path, Map<String, String> query, SyncCursor position,
			Function<JsonNode, T> reader, Function<T, UUID> id) {
		int allowed = this.pageSize.get();
		SyncCursor cursor = (position.pageSize() > allowed) ? position.resized(allowed) : position;
		try {
			return new Sized<>(this.pager.fetch(path, cursor.query(new LinkedHashMap<>(query)), reader, id), cursor);
		}
		catch (TaskerInvalidRequestException ex) {
			if (cursor.pageSize() <= FALLBACK_PAGE || !refusesPageSize(ex)) {
				throw ex;
			}
			this.pageSize.set(FALLBACK_PAGE);
			logger.info("Tasker refuses {} rows per page; using {} from now on", cursor.pageSize(), FALLBACK_PAGE);
			SyncCursor smaller = cursor.resized(FALLBACK_PAGE);
			return new Sized<>(this.pager.fetch(path, smaller.query(new LinkedHashMap<>(query)), reader, id), smaller);
		}
	}

	private static boolean refusesPageSize(TaskerInvalidRequestException ex) {
		return ex.fieldErrors()
			.getOrDefault("detail", List.of())
			.stream()
			.anyMatch((message) -> message.startsWith("Invalid per_page value"));
	}

	private static WorkItemStamp stamp(JsonNode node) {
		UUID id = PlaneErrors.uuid(PlaneErrors.text(node.get("id")));
		String updatedAt = PlaneErrors.text(node.get("updated_at"));
		if (id == null || updatedAt == null) {
			throw new PlaneJson.MalformedResponseException();
		}
		return new WorkItemStamp(id, OffsetDateTime.parse(updatedAt));
	}

	/** A fetched page with the cursor it was actually read at. */
	private record Sized<T>(PlanePager.Fetched<T> fetched, SyncCursor cursor) {
	}

}
