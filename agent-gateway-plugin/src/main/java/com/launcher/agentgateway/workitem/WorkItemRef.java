package com.launcher.agentgateway.workitem;

import java.util.Objects;
import java.util.UUID;

/**
 * How a tool names a card: by id or by readable id ({@code WEB-12}). It is resolved once,
 * where the card is fetched anyway, after the checks that need no Tasker call.
 */
public sealed interface WorkItemRef permits WorkItemRef.ById, WorkItemRef.ByReadableId {

	/**
	 * A card by its UUID.
	 *
	 * @param id the card's id
	 */
	record ById(UUID id) implements WorkItemRef {

		public ById {
			Objects.requireNonNull(id, "id");
		}

	}

	/**
	 * A card by its readable id.
	 *
	 * @param readableId for example {@code WEB-12}
	 */
	record ByReadableId(ReadableId readableId) implements WorkItemRef {

		public ByReadableId {
			Objects.requireNonNull(readableId, "readableId");
		}

	}

}
