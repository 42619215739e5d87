package com.launcher.host.api.tasker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a Tasker list.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param nextCursor the opaque cursor of the next page, empty on the last page
 * @param totalCount the number of items in the whole list, as Tasker counts it
 */
public record TaskerPage<T>(List<T> items, Optional<String> nextCursor, long totalCount) {

	public TaskerPage {
		items = Checks.list(items, "items");
		Objects.requireNonNull(nextCursor, "nextCursor");
		if (totalCount < 0) {
			throw new IllegalArgumentException("totalCount must not be negative");
		}
	}

	public boolean hasNext() {
		return this.nextCursor.isPresent();
	}

}
