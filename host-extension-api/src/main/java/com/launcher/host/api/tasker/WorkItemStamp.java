package com.launcher.host.api.tasker;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A work item's id and last update time: what a full sweep of a project reads to find
 * cards that vanished (deleted or archived items fire no webhook, plane-api.md §7).
 *
 * @param id the work item id
 * @param updatedAt when it was last updated, as Tasker says
 */
public record WorkItemStamp(UUID id, OffsetDateTime updatedAt) {

	public WorkItemStamp {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

}
