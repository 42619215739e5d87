package com.launcher.e2e.mcp;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.JournalEntry;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fixtures shared by the MCP end-to-end tests: agents with grants and a token, the
 * official SDK client pointed at a node, raw JSON-RPC bodies, and the canary secrets that
 * must never appear anywhere.
 */
final class McpClients {

	static final String MCP_PATH = "/plugins/agent-gateway/mcp";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> READ_TOOLS = List.of("whoami", "list_projects", "list_work_items", "get_work_item",
			"list_comments", "list_states", "list_labels", "search_work_items");

	static final List<String> WRITE_TOOLS = List.of("create_work_item", "update_work_item", "add_comment",
			"report_progress");

	private McpClients() {
	}

	/** An agent with its token; the token is kept in memory only, never logged. */
	record TestAgent(UUID id, String owner, UUID ownerId, String tokenId, String token) {

		@Override
		public String toString() {
			// Never print the secret, whatever prints this record.
			return "TestAgent[" + this.id + "]";
		}

	}

	static TestAgent agent(LauncherNode node, String owner, String name, Map<UUID, String> grants) {
		UUID id = node.createAgent(owner, name);
		grants.forEach((project, access) -> node.grant(owner, id, project, access));
		String[] token = node.mint(owner, id);
		UUID ownerId = switch (owner) {
			case "alice" -> LauncherNode.ALICE_ID;
			case "bob" -> LauncherNode.BOB_ID;
			default -> LauncherNode.ADMIN_ID;
		};
		return new TestAgent(id, owner, ownerId, token[0], token[1]);
	}

	/**
	 * Lifts the per-agent limits so that load tests measure idempotency and latency, not
	 * the rate limiter.
	 */
	static void liftLimits(LauncherNode node) {
		HttpResponse<String> response = node.send(node.as("admin", LauncherNode.API + "/policy")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"maxTokenDays\":90,\"defaultTokenDays\":30,"
					+ "\"burstRequests\":10000,\"burstSeconds\":1,\"requestsPerMinute\":100000,"
					+ "\"writesPerDay\":100000,\"connectedMinutes\":15,\"staleHours\":24,\"reportingMode\":false}")));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("policy update failed: " + response.statusCode() + " " + response.body());
		}
	}

	/** The official SDK client over real HTTP, speaking exactly one protocol revision. */
	static McpSyncClient sdk(LauncherNode node, String token, String protocolVersion) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://127.0.0.1:" + node.port())
			.endpoint(MCP_PATH)
			.supportedProtocolVersions(List.of(protocolVersion))
			.connectTimeout(Duration.ofSeconds(5))
			.addHttpRequestCustomizer(
					(builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + token))
			.build();
		return McpClient.sync(transport)
			.requestTimeout(Duration.ofSeconds(30))
			.clientInfo(McpSchema.Implementation.builder("e2e-tests", "1.0").build())
			.build();
	}

	static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
	}

	/** The structured result as a tree (the SDK hands it over as maps). */
	static JsonNode structured(McpSchema.CallToolResult result) {
		return JSON.valueToTree(result.structuredContent());
	}

	/** The stable error code of an {@code isError} result, or null on success. */
	static String errorCode(McpSchema.CallToolResult result) {
		return Boolean.TRUE.equals(result.isError()) ? structured(result).path("code").asString(null) : null;
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

	/** A JSON-RPC {@code tools/call} body. */
	static String toolCall(int id, String tool, Map<String, Object> arguments) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jsonrpc", "2.0");
		body.put("id", id);
		body.put("method", "tools/call");
		body.put("params", Map.of("name", tool, "arguments", arguments));
		return JSON.writeValueAsString(body);
	}

	static String rpc(int id, String method, String paramsJson) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
				+ ((paramsJson != null) ? ",\"params\":" + paramsJson : "") + "}";
	}

	static String initialize(int id, String version) {
		return rpc(id, "initialize", "{\"protocolVersion\":\"" + version
				+ "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}");
	}

	/** A raw POST to the MCP endpoint with full control over every header. */
	static HttpResponse<String> post(LauncherNode node, String token, String body, Map<String, String> headers) {
		HttpRequest.Builder request = node.anonymous(MCP_PATH).POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return node.send(request);
	}

	static Map<String, String> mcpHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Accept", "application/json, text/event-stream");
		return headers;
	}

	static List<JournalEntry> journal(LauncherCluster cluster, Predicate<JournalEntry> filter) {
		return cluster.sandbox().journal().stream().filter(filter).toList();
	}

	/** Work-item creates (POSTs to a project's work-item collection). */
	static boolean isCreate(JournalEntry entry) {
		return entry.method().equals("POST")
				&& (entry.path().endsWith("/work-items/") || entry.path().endsWith("/issues/"));
	}

	static long auditRows(LauncherCluster cluster, UUID agentId) {
		return cluster.jdbc()
			.queryForObject("SELECT count(*) FROM agw_audit_event WHERE agent_id = ?", Long.class, agentId);
	}

	/** Every audit row as text, for canary checks. */
	static String auditDump(LauncherCluster cluster) {
		return String.join("\n", cluster.jdbc()
			.queryForList("SELECT concat_ws('|', id::text, agent_id::text, owner_user_id::text, actor_type, actor_id,"
					+ " action, target_type, target_id, outcome, reason, request_id, source_address, token_id::text,"
					+ " token_hint, details) FROM agw_audit_event", String.class));
	}

	/** The log of this test JVM (every node logs into it). */
	static String testLog() {
		Path log = Paths.get("target/e2e-run.log");
		try {
			return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The canary secrets of security.md S1 for a cluster and some live tokens. */
	static List<String> canaries(LauncherCluster cluster, TestAgent... agents) {
		List<String> secrets = new ArrayList<>();
		secrets.add(cluster.sandbox().demoApiKey());
		secrets.add(LauncherCluster.PEPPER);
		for (TestAgent agent : agents) {
			secrets.add(agent.token());
			// The random part alone must not leak either (a token split over lines).
			secrets.add(agent.token().substring(4, 36));
		}
		return secrets;
	}

	/** The canaries found in a text, named by their position only (never printed). */
	static List<String> leaks(String text, List<String> canaries) {
		List<String> found = new ArrayList<>();
		for (int i = 0; i < canaries.size(); i++) {
			if (text != null && text.contains(canaries.get(i))) {
				found.add("canary #" + i);
			}
		}
		return found;
	}

}
