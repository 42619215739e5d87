package com.launcher.agentgateway.call;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a tool produced: the structured result the agent reads, and for writes the card it
 * wrote, which the audit event names the way people do.
 *
 * @param structured the result, plain values only (maps, lists, strings, numbers,
 * booleans, null)
 * @param card the card a write touched, or null
 */
public record ToolResult(Map<String, Object> structured, WrittenCard card) {

	public ToolResult {
		// A copy the pipeline may add to ("replayed"), in the tool's order.
		structured = new LinkedHashMap<>(Objects.requireNonNull(structured, "structured"));
	}

	public static ToolResult of(Map<String, Object> structured) {
		return new ToolResult(structured, null);
	}

	/**
	 * The card a write touched, as the audit event and the pages name it.
	 *
	 * @param id the card's id
	 * @param readableId for example {@code WEB-12}, or null when the project has no
	 * identifier
	 * @param title its title as written, inert
	 */
	public record WrittenCard(UUID id, String readableId, String title) {

		public WrittenCard {
			Objects.requireNonNull(id, "id");
		}

	}

}
