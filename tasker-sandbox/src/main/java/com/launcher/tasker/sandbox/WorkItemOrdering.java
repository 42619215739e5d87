package com.launcher.tasker.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.launcher.tasker.sandbox.SandboxModel.Item;

/**
 * The {@code order_by=} of Plane's work-item list (plane-api.md §2): passed unchecked to
 * the ORM, so a known field orders the list and any other name is a 500. Priority and
 * state orderings use Plane's own rank lists; NULLs sort as PostgreSQL sorts them (last
 * ascending, first descending). Ties keep the list's creation order, newest first.
 */
final class WorkItemOrdering {

	static final String DEFAULT = "-created_at";

	private static final List<String> PRIORITY_RANK = List.of("urgent", "high", "medium", "low", "none");

	private static final List<String> PRIORITY_RANK_REVERSED = List.of("none", "low", "medium", "high", "urgent");

	private static final List<String> STATE_RANK = List.of("backlog", "unstarted", "started", "completed", "cancelled");

	private static final List<String> STATE_RANK_REVERSED = List.of("cancelled", "completed", "started", "unstarted",
			"backlog");

	private static final Map<String, Function<Item, Comparable<?>>> FIELDS = Map.ofEntries(
			Map.entry("created_at", (i) -> i.createdAt), Map.entry("updated_at", (i) -> i.updatedAt),
			Map.entry("sequence_id", (i) -> i.sequenceId), Map.entry("name", (i) -> i.name),
			Map.entry("sort_order", (i) -> i.sortOrder), Map.entry("start_date", (i) -> i.startDate),
			Map.entry("target_date", (i) -> i.targetDate), Map.entry("completed_at", (i) -> i.completedAt),
			Map.entry("id", (i) -> i.id.toString()));

	private static final Comparator<Item> NEWEST_FIRST = Comparator.comparingLong((Item i) -> i.order).reversed();

	private WorkItemOrdering() {
	}

	/**
	 * The ordering for an {@code order_by} value.
	 * @param orderBy the value, or {@code null} for Plane's default
	 * @return the comparator
	 * @throws PlaneError a 500 for a field Plane's ORM does not know
	 */
	static Comparator<Item> of(String orderBy) {
		String value = (orderBy != null) ? orderBy : DEFAULT;
		boolean descending = value.startsWith("-");
		String field = descending ? value.substring(1) : value;
		Comparator<Item> primary;
		if (field.equals("priority")) {
			// Plane ranks by its own list, reversed for "-priority", always ascending.
			List<String> rank = descending ? PRIORITY_RANK_REVERSED : PRIORITY_RANK;
			primary = Comparator.comparingInt((Item i) -> rank.indexOf(i.priority));
		}
		else if (field.equals("state__name") || field.equals("state__group")) {
			List<String> rank = descending ? STATE_RANK_REVERSED : STATE_RANK;
			primary = Comparator.comparingInt((Item i) -> stateRank(rank, i));
		}
		else {
			Function<Item, Comparable<?>> key = FIELDS.get(field);
			if (key == null) {
				// Django raises FieldError when the query runs: Plane's generic 500.
				throw PlaneError.serverError();
			}
			primary = nullsLikePostgres(key, descending);
		}
		return primary.thenComparing(NEWEST_FIRST);
	}

	private static int stateRank(List<String> rank, Item item) {
		int index = (item.state != null) ? rank.indexOf(item.state.group) : -1;
		return (index >= 0) ? index : rank.size();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Comparator<Item> nullsLikePostgres(Function<Item, Comparable<?>> key, boolean descending) {
		Comparator<Comparable> natural = Comparator.naturalOrder();
		// PostgreSQL puts NULLs last ascending and first descending.
		Comparator<Comparable> withNulls = descending ? Comparator.nullsFirst(natural.reversed())
				: Comparator.nullsLast(natural);
		return Comparator.comparing((Item i) -> (Comparable) key.apply(i), withNulls);
	}

}
