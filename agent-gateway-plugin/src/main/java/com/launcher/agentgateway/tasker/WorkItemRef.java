package com.launcher.agentgateway.tasker;

import java.util.Objects;
import java.util.UUID;

import com.launcher.host.api.tasker.WorkItemIdentifier;

/**
 * How a tool names a card: by id or by readable id ({@code WEB-12}). The gateway resolves
 * it once, where it fetches the card anyway, after the checks that need no Tasker call.
 */
public sealed interface WorkItemRef permits WorkItemRef.ById, WorkItemRef.ByIdentifier {

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
	 * @param identifier for example {@code WEB-12}
	 */
	record ByIdentifier(WorkItemIdentifier identifier) implements WorkItemRef {

		public ByIdentifier {
			Objects.requireNonNull(identifier, "identifier");
		}

	}

}
