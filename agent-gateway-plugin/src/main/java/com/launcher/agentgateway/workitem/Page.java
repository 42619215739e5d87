package com.launcher.agentgateway.workitem;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.launcher.agentgateway.core.GatewayException;

/**
 * One page of a list of Tasker things.
 *
 * @param <T> the item type
 * @param items the items
 * @param nextCursor where the next page starts, empty on the last page; opaque
 * @param asOf when the copy these items come from was current; empty when they were read
 * from Tasker during this call
 */
public record Page<T>(List<T> items, Optional<String> nextCursor, Optional<Instant> asOf) {

	public Page {
		items = List.copyOf(items);
		Objects.requireNonNull(nextCursor, "nextCursor");
		Objects.requireNonNull(asOf, "asOf");
	}

	/** A page read from Tasker during this call. */
	public static <T> Page<T> live(List<T> items, Optional<String> nextCursor) {
		return new Page<>(items, nextCursor, Optional.empty());
	}

	/**
	 * Which page to read.
	 *
	 * @param cursor a cursor from {@link Page#nextCursor()}, or null for the first page
	 * @param limit the most items, 1 to 100
	 */
	public record Request(String cursor, int limit) {

		public Request {
			if (limit < 1 || limit > 100) {
				throw GatewayException.invalid("limit", "must be between 1 and 100");
			}
		}

	}

}
