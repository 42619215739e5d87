package com.launcher.e2e.budget;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.e2e.LauncherNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Tasker budget's end-to-end tests and benchmark share: agents with a grant and
 * a token, raw MCP tool calls that any number of threads may make at once, and the
 * per-agent limits lifted so that only the Tasker budget holds agents back.
 */
public final class BudgetCalls {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger IDS = new AtomicInteger();

	private BudgetCalls() {
	}

	/** An agent of {@code owner} with one grant; answers its token. */
	public static String agent(LauncherNode node, String owner, String name, UUID project, String access) {
		UUID agent = node.createAgent(owner, name);
		node.grant(owner, agent, project, access);
		return node.mint(owner, agent)[1];
	}

	/** The per-agent rate limits and write budget, out of the way. */
	public static void liftLimits(LauncherNode node) {
		HttpResponse<String> response = node.send(node.as("admin", LauncherNode.API + "/policy")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"maxTokenDays\":90,\"defaultTokenDays\":30,"
					+ "\"burstRequests\":10000,\"burstSeconds\":1,\"requestsPerMinute\":100000,"
					+ "\"writesPerDay\":100000,\"connectedMinutes\":15,\"staleHours\":24,\"reportingMode\":false}")));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("policy update failed: " + response.statusCode() + " " + response.body());
		}
	}

	/**
	 * One {@code tools/call}; answers the tool's result ({@code structuredContent},
	 * {@code isError}).
	 */
	public static JsonNode tool(LauncherNode node, String token, String tool, Map<String, Object> arguments) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jsonrpc", "2.0");
		body.put("id", IDS.incrementAndGet());
		body.put("method", "tools/call");
		body.put("params", Map.of("name", tool, "arguments", arguments));
		HttpResponse<String> response = node.send(node.anonymous("/plugins/agent-gateway/mcp")
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("MCP answered " + response.statusCode());
		}
		JsonNode envelope = JSON.readTree(response.body());
		if (envelope.has("error")) {
			throw new IllegalStateException("JSON-RPC error " + envelope.path("error").path("code"));
		}
		return envelope.path("result");
	}

	/** The stable error code of a tool result, or {@code null} when it succeeded. */
	public static String errorCode(JsonNode result) {
		return result.path("isError").asBoolean() ? result.path("structuredContent").path("code").asString(null) : null;
	}

	public static Map<String, Object> args(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
