package com.launcher.agentgateway.mcp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.call.StoredResults;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tool results in MCP's words: {@code structuredContent} plus the same JSON as text
 * (mcp.md, "Results"); failures are {@code isError} results carrying a stable code. Also
 * how a write's result is kept for its replays, as JSON.
 */
public final class ToolResults implements StoredResults {

	/** Marks the stored form that keeps the written card beside the result. */
	private static final int STORED_FORMAT = 2;

	private final JsonMapper json;

	public ToolResults(JsonMapper json) {
		this.json = json;
	}

	McpSchema.CallToolResult success(Map<String, Object> structured) {
		return McpSchema.CallToolResult.builder()
			.structuredContent(structured)
			.addTextContent(this.json.writeValueAsString(structured))
			.isError(false)
			.build();
	}

	McpSchema.CallToolResult failure(GatewayException ex) {
		Map<String, Object> error = errorBody(ex);
		return McpSchema.CallToolResult.builder()
			.structuredContent(error)
			.addTextContent(this.json.writeValueAsString(error))
			.isError(true)
			.build();
	}

	static Map<String, Object> errorBody(GatewayException ex) {
		ErrorCode code = ex.errorCode();
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code.code());
		error.put("message", code.message());
		if (ex.field() != null) {
			error.put("field", ex.field());
		}
		ex.details().forEach(error::putIfAbsent);
		Duration retryAfter = ex.retryAfter();
		if (retryAfter != null) {
			error.put("retry_after_seconds", retryAfterSeconds(retryAfter));
		}
		return error;
	}

	/**
	 * Whole seconds, rounded up, at least one: a client that waits that long is not
	 * early.
	 */
	static long retryAfterSeconds(Duration retryAfter) {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	@Override
	public String encode(ToolResult result) {
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("v", STORED_FORMAT);
		stored.put("result", result.structured());
		if (result.card() != null) {
			Map<String, Object> card = new LinkedHashMap<>();
			card.put("id", result.card().id().toString());
			card.put("identifier", result.card().readableId());
			card.put("title", result.card().title());
			stored.put("card", card);
		}
		return this.json.writeValueAsString(stored);
	}

	@Override
	@SuppressWarnings("unchecked")
	public ToolResult decode(String stored) {
		Map<String, Object> map = this.json.readValue(stored, LinkedHashMap.class);
		if (!Integer.valueOf(STORED_FORMAT).equals(map.get("v"))) {
			// Kept before the card was stored beside it: the result alone names the card.
			return new ToolResult(map, legacyCard(map));
		}
		Map<String, Object> card = (Map<String, Object>) map.get("card");
		return new ToolResult((Map<String, Object>) map.get("result"),
				(card != null) ? new ToolResult.WrittenCard(UUID.fromString((String) card.get("id")),
						(String) card.get("identifier"), (String) card.get("title")) : null);
	}

	@SuppressWarnings("unchecked")
	private static ToolResult.WrittenCard legacyCard(Map<String, Object> result) {
		if (!(result.get("work_item_id") instanceof String id)) {
			return null;
		}
		String title = null;
		if (result.get("work_item") instanceof Map<?, ?> item && item.get("title") instanceof Map<?, ?> envelope) {
			title = (String) ((Map<String, Object>) envelope).get("text");
		}
		return new ToolResult.WrittenCard(UUID.fromString(id), (String) result.get("identifier"), title);
	}

}
