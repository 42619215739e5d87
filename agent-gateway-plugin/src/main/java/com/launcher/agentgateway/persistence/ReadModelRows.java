package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.launcher.agentgateway.readmodel.CopiedCard;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.WorkItem;

/** How rows of the copy become domain values, for the store and the search alike. */
final class ReadModelRows {

	private ReadModelRows() {
	}

	static CopiedCard copied(ReadModelMapper.CardRow row) {
		return new CopiedCard(item(row), row.copiedAt(), row.commentsCopiedAt());
	}

	static WorkItem item(ReadModelMapper.CardRow row) {
		return new WorkItem(row.id(), row.projectId(), row.sequenceId(), row.title(), row.descriptionText(),
				Priority.valueOf(row.priority()), row.stateId(), uuids(row.assigneeIds()), uuids(row.labelIds()),
				row.parentId(), row.startDate(), row.targetDate(), row.createdBy(), row.writtenByAgent(),
				time(row.createdAt()), time(row.updatedAt()), time(row.completedAt()));
	}

	/** PostgreSQL text cannot hold NUL; people's texts may (an injection test's do). */
	static String text(String value) {
		return (value != null && value.indexOf('\u0000') >= 0) ? value.replace("\u0000", "") : value;
	}

	/**
	 * A PostgreSQL array literal ({@code {a,b}}), cast to {@code uuid[]} in the
	 * statement.
	 */
	static String array(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
	}

	static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static List<UUID> uuids(String joined) {
		if (joined == null || joined.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
	}

}
