package com.launcher.agentgateway.mcp.tool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tool results: {@code structuredContent} plus the same JSON as text (mcp.md, "Results");
 * failures are {@code isError} results carrying a stable code.
 */
final class ToolResults {

	private final JsonMapper json;

	ToolResults(JsonMapper json) {
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
			error.put("retry_after_seconds", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
		}
		return error;
	}

	String write(Map<String, Object> structured) {
		return this.json.writeValueAsString(structured);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> read(String stored) {
		return new LinkedHashMap<>(this.json.readValue(stored, Map.class));
	}

}
