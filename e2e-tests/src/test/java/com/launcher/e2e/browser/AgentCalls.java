package com.launcher.e2e.browser;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherNode;
import tools.jackson.databind.json.JsonMapper;

/** What an agent does while a person watches the pages: MCP tool calls over HTTP. */
final class AgentCalls {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AgentCalls() {
	}

	static HttpResponse<String> call(LauncherNode node, String token, String tool, Map<String, Object> arguments) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jsonrpc", "2.0");
		body.put("id", 1);
		body.put("method", "tools/call");
		body.put("params", Map.of("name", tool, "arguments", arguments));
		return node.mcp(token, JSON.writeValueAsString(body));
	}

	/** Calls a tool and fails unless the call reached the tool (HTTP 200). */
	static String ok(LauncherNode node, String token, String tool, Map<String, Object> arguments) {
		HttpResponse<String> response = call(node, token, tool, arguments);
		if (response.statusCode() != 200) {
			throw new AssertionError(tool + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static Map<String, Object> args(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static String key() {
		return "k-" + UUID.randomUUID();
	}

}
