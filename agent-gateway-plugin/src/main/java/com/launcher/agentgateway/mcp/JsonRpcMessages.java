package com.launcher.agentgateway.mcp;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * JSON-RPC 2.0 messages in and out of the MCP endpoint: telling requests, notifications
 * and responses apart, and writing errors that never carry a stack trace, a class name or
 * exception text (security.md F1).
 */
public final class JsonRpcMessages {

	/**
	 * The code of a refusal by the gateway's own limits, in the range JSON-RPC leaves to
	 * servers (-32000 to -32099); the stable reason is in the error's data.
	 */
	static final int REFUSED = -32000;

	/** When to retry a 503 whose cause names no time of its own. */
	static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(5);

	private static final Set<String> KNOWN_METHODS = Set.of("initialize", "ping", "tools/list", "tools/call",
			"resources/list", "resources/templates/list", "prompts/list", "notifications/initialized",
			"notifications/cancelled");

	private final JsonMapper json;

	private final McpJsonMapper mcpJson;

	public JsonRpcMessages(JsonMapper json, McpJsonMapper mcpJson) {
		this.json = json;
		this.mcpJson = mcpJson;
	}

	JsonNode readTree(byte[] body) {
		return this.json.readTree(body);
	}

	/**
	 * The message in an already parsed body, told apart the way the SDK does (a method
	 * and an id: request; a method alone: notification; a result or an error: response),
	 * without parsing the body a second time.
	 * @return the message, or null when it is none of them
	 */
	McpSchema.JSONRPCMessage parse(JsonNode tree) {
		if (tree == null || !tree.isObject() || !"2.0".equals(tree.path("jsonrpc").asString(null))) {
			return null;
		}
		try {
			if (tree.has("method") && tree.has("id")) {
				return this.mcpJson.convertValue(tree, McpSchema.JSONRPCRequest.class);
			}
			if (tree.has("method")) {
				return this.mcpJson.convertValue(tree, McpSchema.JSONRPCNotification.class);
			}
			if (tree.has("result") || tree.has("error")) {
				return this.mcpJson.convertValue(tree, McpSchema.JSONRPCResponse.class);
			}
			return null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The SDK puts exception text into internal errors; we keep only fixed messages for
	 * them, so no class name or stack trace reaches a client (mcp.md, "errors").
	 */
	static McpSchema.JSONRPCResponse scrub(McpSchema.JSONRPCRequest request, McpSchema.JSONRPCResponse response) {
		McpSchema.JSONRPCResponse.JSONRPCError error = response.error();
		if (error == null) {
			return response;
		}
		Integer code = error.code();
		String message;
		if (code != null && code == McpSchema.ErrorCodes.METHOD_NOT_FOUND) {
			message = "Method not found";
		}
		else if (code != null && code == McpSchema.ErrorCodes.INVALID_PARAMS) {
			message = "Invalid params" + (("tools/call".equals(request.method())) ? ": unknown tool" : "");
		}
		else if (code != null && code == McpSchema.ErrorCodes.INVALID_REQUEST) {
			message = "Invalid request";
		}
		else {
			code = McpSchema.ErrorCodes.INTERNAL_ERROR;
			message = "Internal error";
		}
		return McpSchema.JSONRPCResponse.error(request.id(),
				new McpSchema.JSONRPCResponse.JSONRPCError(code, message, null));
	}

	static McpSchema.JSONRPCResponse internalError(Object id, String message) {
		return McpSchema.JSONRPCResponse.error(id,
				new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR, message, null));
	}

	/**
	 * A request the gateway refuses before serving it: 429 with {@code Retry-After} over
	 * the agent's limit, 503 when it cannot decide, and a JSON-RPC error whose data says
	 * the stable code and when to retry, as a tool result would.
	 */
	ResponseEntity<byte[]> refusal(Object id, GatewayException refused) {
		boolean limited = refused.errorCode().kind() == ErrorCode.Kind.RATE_LIMITED;
		// A 503 always says when to retry, as the token check's and the REST
		// API's do: the outage is the gateway's, and a client without a hint
		// may retry at once.
		GatewayException ex = (limited || refused.retryAfter() != null) ? refused
				: new GatewayException(refused.errorCode(), refused.field(), refused.details(), UNAVAILABLE_RETRY);
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", REFUSED);
		error.put("message", ex.errorCode().message());
		error.put("data", ToolResults.errorBody(ex));
		ResponseEntity.BodyBuilder response = ResponseEntity
			.status(limited ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE);
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(ToolResults.retryAfterSeconds(ex.retryAfter())));
		}
		return response.contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsBytes(envelope(id, error)));
	}

	ResponseEntity<byte[]> error(int status, Object id, int code, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", message);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.json.writeValueAsBytes(envelope(id, error)));
	}

	ResponseEntity<byte[]> response(McpSchema.JSONRPCResponse response) {
		try {
			return ResponseEntity.status(200)
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.mcpJson.writeValueAsBytes(response));
		}
		catch (IOException ex) {
			return error(400, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error");
		}
	}

	/** The method for audit actions and logs: a known one, or {@code other}. */
	static String safeMethod(String method) {
		return (method != null && KNOWN_METHODS.contains(method)) ? method : "other";
	}

	private static Map<String, Object> envelope(Object id, Map<String, Object> error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jsonrpc", "2.0");
		body.put("id", id);
		body.put("error", error);
		return body;
	}

}
