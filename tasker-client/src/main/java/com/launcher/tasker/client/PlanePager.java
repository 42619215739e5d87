package com.launcher.tasker.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import tools.jackson.databind.JsonNode;

/**
 * Reads Plane's offset-paginated lists: one page for a caller's {@link PageCursor}, or
 * every page of a full list, with rows de-duplicated by id.
 */
final class PlanePager {

	private static final int MAX_PAGES = 1000;

	private final PlaneHttpTransport transport;

	private final int pageSize;

	PlanePager(PlaneHttpTransport transport, int pageSize) {
		this.transport = transport;
		this.pageSize = pageSize;
	}

	<T> List<T> walk(String path, Function<JsonNode, T> reader, Function<T, UUID> id) {
		Map<UUID, T> seen = new LinkedHashMap<>();
		PageCursor cursor = new PageCursor(0, this.pageSize);
		for (int pages = 0; pages < MAX_PAGES; pages++) {
			JsonNode envelope = this.transport.get(path, cursor.query(new LinkedHashMap<>()));
			int before = seen.size();
			// plane-api.md §2.1: offset paging can repeat rows, so de-duplicate by id.
			for (JsonNode node : array(envelope.get("results")).values()) {
				T value = read(reader, node);
				seen.putIfAbsent(id.apply(value), value);
			}
			// Loop on next_page_results: next_cursor is always present (§2.1).
			if (!envelope.path("next_page_results").asBoolean(false) || seen.size() == before) {
				break;
			}
			cursor = cursor.next();
		}
		return List.copyOf(seen.values());
	}

	<T> TaskerPage<T> page(String path, Map<String, String> query, PageCursor cursor, Function<JsonNode, T> reader,
			Function<T, UUID> id) {
		Fetched<T> fetched = fetch(path, cursor.query(query), reader, id);
		return new TaskerPage<>(fetched.items(),
				fetched.more() ? Optional.of(cursor.next().encode()) : Optional.empty(), fetched.total());
	}

	/**
	 * One page as the query asks for it ({@code per_page} and {@code cursor} included),
	 * rows de-duplicated by id.
	 */
	<T> Fetched<T> fetch(String path, Map<String, String> query, Function<JsonNode, T> reader, Function<T, UUID> id) {
		JsonNode envelope = this.transport.get(path, query);
		Map<UUID, T> items = new LinkedHashMap<>();
		for (JsonNode node : array(envelope.get("results")).values()) {
			T value = read(reader, node);
			items.putIfAbsent(id.apply(value), value);
		}
		boolean more = envelope.path("next_page_results").asBoolean(false);
		long total = Math.max(0, envelope.path("total_count").asLong(items.size()));
		return new Fetched<>(List.copyOf(items.values()), more, total);
	}

	/**
	 * One page's rows, whether Tasker has more ({@code next_page_results}), and its
	 * total.
	 */
	record Fetched<T>(List<T> items, boolean more, long total) {
	}

	static JsonNode array(JsonNode node) {
		if (node == null || !node.isArray()) {
			throw new TaskerUnavailableException();
		}
		return node;
	}

	private static <T> T read(Function<JsonNode, T> reader, JsonNode node) {
		try {
			return reader.apply(node);
		}
		catch (RuntimeException ex) {
			throw new TaskerUnavailableException();
		}
	}

}
