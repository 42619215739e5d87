package com.launcher.e2e.mcp;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.mcp.McpClients.TestAgent;
import com.launcher.tasker.sandbox.SandboxOptions;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.launcher.e2e.mcp.McpClients.args;
import static com.launcher.e2e.mcp.McpClients.mcpHeaders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Streamable HTTP rules of mcp.md's table, one test per rule, over raw HTTP; the
 * bearer challenge; and F1, a time-bounded fuzzer of bodies and headers.
 */
class McpProtocolEdgeEndToEndTests {

	private static final String ALLOWED_ORIGIN = "http://allowed.example";

	/** What a response must never carry: exception names, stack frames, class names. */
	private static final Pattern LEAK = Pattern.compile("Exception|Error:|\\bat (?:com|org|java|io|tools)\\.|java\\."
			+ "|jakarta\\.|tools\\.jackson|springframework|modelcontextprotocol|com\\.launcher|\\.java:\\d+");

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static TestAgent agent;

	private static UUID web;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				Map.of("agent-gateway.mcp.allowed-origins", ALLOWED_ORIGIN));
		node = cluster.node();
		McpClients.liftLimits(node);
		web = node.projectId("alice", "WEB");
		agent = McpClients.agent(node, "alice", "edge-agent", Map.of(web, "WRITE"));
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	private static HttpResponse<String> post(String body, Map<String, String> headers) {
		HttpResponse<String> response = McpClients.post(node, agent.token(), body, headers);
		assertThat(response.body()).doesNotContainPattern(LEAK);
		return response;
	}

	private static HttpResponse<String> post(String body) {
		return post(body, mcpHeaders());
	}

	private static Map<String, String> with(String header, String value) {
		Map<String, String> headers = mcpHeaders();
		headers.put(header, value);
		return headers;
	}

	private static JsonNode json(HttpResponse<String> response) {
		return McpClients.JSON.readTree(response.body());
	}

	@Test
	void getWhenCalledThen405AllowingPostOnly() {
		HttpResponse<String> response = node.send(node.anonymous(McpClients.MCP_PATH)
			.header("Authorization", "Bearer " + agent.token())
			.header("Accept", "text/event-stream")
			.GET());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void deleteWhenCalledThen405() {
		HttpResponse<String> response = node.send(node.anonymous(McpClients.MCP_PATH)
			.header("Authorization", "Bearer " + agent.token())
			.header("Mcp-Session-Id", "anything")
			.DELETE());
		assertThat(response.statusCode()).isEqualTo(405);
	}

	@Test
	void postWhenBatchThen400WithJsonRpcErrorWithoutId() {
		HttpResponse<String> response = post(
				"[" + McpClients.rpc(1, "ping", null) + "," + McpClients.rpc(2, "ping", null) + "]");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = json(response);
		assertThat(body.path("jsonrpc").asString()).isEqualTo("2.0");
		assertThat(body.has("id")).isTrue();
		assertThat(body.get("id").isNull()).isTrue();
		assertThat(body.path("error").path("code").asInt()).isEqualTo(-32600);
	}

	@Test
	void postWhenNotificationThen202WithEmptyBody() {
		HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void postWhenClientPostsAResponseThen202WithEmptyBody() {
		HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void postWhenProtocolVersionUnsupportedThen400() {
		for (String version : List.of("2024-11-05", "2099-01-01", "latest", "2025-06-18, 2025-11-25")) {
			HttpResponse<String> response = post(McpClients.rpc(1, "ping", null),
					with("MCP-Protocol-Version", version));
			assertThat(response.statusCode()).as(version).isEqualTo(400);
			assertThat(json(response).path("error").path("message").asString()).contains("MCP-Protocol-Version");
		}
	}

	@Test
	void postWhenProtocolVersionSupportedOrAbsentThenServed() {
		for (String version : List.of("2025-03-26", "2025-06-18", "2025-11-25")) {
			HttpResponse<String> response = post(McpClients.rpc(1, "ping", null),
					with("MCP-Protocol-Version", version));
			assertThat(response.statusCode()).as(version).isEqualTo(200);
		}
		HttpResponse<String> absent = post(McpClients.initialize(1, "2025-11-25"));
		assertThat(absent.statusCode()).isEqualTo(200);
		assertThat(json(absent).path("result").path("protocolVersion").asString()).isEqualTo("2025-11-25");
		HttpResponse<String> unknownInInitialize = post(McpClients.initialize(2, "2099-01-01"));
		assertThat(json(unknownInInitialize).path("result").path("protocolVersion").asString())
			.as("an unknown revision in initialize is answered with the latest")
			.isEqualTo("2025-11-25");
	}

	@Test
	void postWhenOriginForeignThen403AndWhenAllowedOrAbsentThenServed() {
		for (String origin : List.of("https://evil.example", "null", "http://allowed.example.evil.example",
				"http://localhost:1")) {
			HttpResponse<String> response = post(McpClients.rpc(1, "ping", null), with("Origin", origin));
			assertThat(response.statusCode()).as(origin).isEqualTo(403);
		}
		assertThat(post(McpClients.rpc(1, "ping", null), with("Origin", ALLOWED_ORIGIN)).statusCode()).isEqualTo(200);
		assertThat(post(McpClients.rpc(1, "ping", null)).statusCode()).isEqualTo(200);
	}

	@Test
	void postWhenContentTypeNotJsonThen415() {
		for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "text/event-stream")) {
			HttpResponse<String> response = post(McpClients.rpc(1, "ping", null), with("Content-Type", type));
			assertThat(response.statusCode()).as(type).isEqualTo(415);
		}
		assertThat(post(McpClients.rpc(1, "ping", null), with("Content-Type", "application/json; charset=utf-8"))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void postWhenAcceptLacksJsonThen406AndWhenBothThenJsonAnswerWithoutSession() {
		HttpResponse<String> refused = post(McpClients.rpc(1, "ping", null), with("Accept", "text/html"));
		assertThat(refused.statusCode()).isEqualTo(406);
		HttpResponse<String> served = post(McpClients.initialize(1, "2025-06-18"));
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(served.headers().firstValue("Mcp-Session-Id")).as("stateless").isEmpty();
	}

	@Test
	void postWhenBodyOverTheCapThen413DeclaredOrStreamed() {
		String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
				+ "a".repeat(1024 * 1024) + "\"}}";
		assertThat(post(big).statusCode()).isEqualTo(413);
		HttpRequest.Builder chunked = node.anonymous(McpClients.MCP_PATH)
			.header("Authorization", "Bearer " + agent.token())
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
		mcpHeaders().forEach(chunked::header);
		HttpResponse<String> streamed = node.send(chunked);
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(streamed.body()).doesNotContainPattern(LEAK);
	}

	@Test
	void postWhenMalformedJsonThenParseErrorWithoutStackTraceOrClassName() {
		for (String body : List.of("{\"jsonrpc\":\"2.0\",", "not json", "{\"a\":1}}", "\u0000\u0001",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"id\":2}")) {
			HttpResponse<String> response = post(body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			JsonNode error = json(response);
			assertThat(error.path("error").path("code").asInt()).as(body).isEqualTo(-32700);
			assertThat(error.get("id").isNull()).isTrue();
			assertThat(error.path("error").path("message").asString()).isEqualTo("Parse error");
		}
	}

	@Test
	void postWhenResourcesOrPromptsOrUnknownMethodThenMethodNotFound() {
		for (String method : List.of("resources/list", "resources/templates/list", "prompts/list", "sampling/x")) {
			HttpResponse<String> response = post(McpClients.rpc(3, method, "{}"));
			assertThat(response.statusCode()).as(method).isEqualTo(200);
			JsonNode body = json(response);
			assertThat(body.path("id").asInt()).isEqualTo(3);
			assertThat(body.path("error").path("code").asInt()).as(method).isEqualTo(-32601);
			assertThat(body.path("error").path("message").asString()).isEqualTo("Method not found");
		}
	}

	@Test
	void postWhenRequestShapeInvalidThenInvalidRequest() {
		for (String body : List.of("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
				"{\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
				"{\"jsonrpc\":\"2.0\",\"id\":1}", "42", "null")) {
			HttpResponse<String> response = post(body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(json(response).path("error").path("code").asInt()).as(body).isEqualTo(-32600);
		}
	}

	@Test
	void postWhenTokenMissingThen401WithBearerChallengeNamingTheMetadata() {
		HttpResponse<String> response = McpClients.post(node, null, McpClients.rpc(1, "ping", null), mcpHeaders());
		assertThat(response.statusCode()).isEqualTo(401);
		String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
		assertThat(challenge).startsWith("Bearer ")
			.contains("resource_metadata=\"http://127.0.0.1:" + node.port()
					+ "/.well-known/oauth-protected-resource/plugins/agent-gateway/mcp\"");
		HttpResponse<String> metadata = node
			.send(node.anonymous("/.well-known/oauth-protected-resource/plugins/agent-gateway/mcp").GET());
		assertThat(metadata.statusCode()).isEqualTo(200);
		assertThat(json(metadata).path("resource").asString())
			.isEqualTo("http://127.0.0.1:" + node.port() + "/plugins/agent-gateway/mcp");
	}

	@Test
	void postWhenTokenGarbageThen401WithInvalidTokenChallenge() {
		for (String token : List.of("agw_garbage", "agw_" + "A".repeat(38))) {
			HttpResponse<String> response = McpClients.post(node, token, McpClients.rpc(1, "ping", null), mcpHeaders());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((v) -> assertThat(v).startsWith("Bearer error=\"invalid_token\""));
			assertThat(response.body()).doesNotContain(token);
		}
		HttpResponse<String> inQuery = node.send(node.anonymous(McpClients.MCP_PATH + "?access_token=" + agent.token())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(McpClients.rpc(1, "ping", null))));
		assertThat(inQuery.statusCode()).as("tokens only in the header").isEqualTo(401);
	}

	// ---- F1

	/**
	 * F1: a few thousand random and mutated JSON-RPC bodies and headers (fixed seed,
	 * bounded to 45 s): no 5xx, and no body that names an exception, a stack frame or a
	 * class.
	 */
	@Test
	void fuzzedRequestsWhenSentThenNoServerErrorAndNoStackTraceOrClassName() throws Exception {
		long seed = Long.getLong("e2e.fuzz.seed", 20261122L);
		int budget = Integer.getInteger("e2e.fuzz.requests", 3000);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		AtomicInteger sent = new AtomicInteger();
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> workers = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			Random random = new Random(seed + w);
			workers.add(pool.submit(() -> {
				while (sent.get() < budget && System.nanoTime() < deadline) {
					int n = sent.incrementAndGet();
					HttpRequest request = fuzzRequest(random);
					HttpResponse<String> response;
					try {
						response = http.send(request, HttpResponse.BodyHandlers.ofString());
					}
					catch (java.io.IOException ex) {
						failures.add("#" + n + " connection failed: " + ex.getClass().getSimpleName());
						continue;
					}
					statuses.computeIfAbsent(response.statusCode(), (s) -> new AtomicInteger()).incrementAndGet();
					if (response.statusCode() >= 500) {
						failures.add("#" + n + " status " + response.statusCode() + " " + response.body());
					}
					if (LEAK.matcher(response.body()).find()) {
						failures.add("#" + n + " leaks: " + response.body());
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get(90, TimeUnit.SECONDS);
		}
		pool.shutdownNow();
		System.out.printf("F1: %d fuzzed requests (seed %d), statuses %s%n", sent.get(), seed, statuses);
		assertThat(failures).isEmpty();
		assertThat(sent.get()).isGreaterThanOrEqualTo(1000);
		assertThat(statuses.keySet()).as("the fuzzer reaches both refusals and served calls").contains(200, 400);
	}

	private static final List<String> METHODS = List.of("initialize", "ping", "tools/list", "tools/call",
			"resources/list", "notifications/initialized", "notifications/cancelled", "prompts/get", "",
			"tools/call\u0000", "../admin", "TOOLS/LIST");

	private static final List<String> TOOLS = List.of("whoami", "list_projects", "list_work_items", "get_work_item",
			"list_comments", "list_states", "list_labels", "search_work_items", "create_work_item", "update_work_item",
			"add_comment", "report_progress", "delete_work_item", "", "whoami\u202e");

	private static final List<String> FIELDS = List.of("project_id", "work_item", "work_item_id", "idempotency_key",
			"title", "description", "body", "status", "summary", "limit", "cursor", "text", "query", "state_id",
			"label_ids", "assignee_ids", "expected_updated_at", "updated_since", "archived_at", "__proto__", "");

	private HttpRequest fuzzRequest(Random random) {
		String body = fuzzBody(random);
		HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(McpClients.MCP_PATH))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + agent.token());
		Map<String, String> headers = new LinkedHashMap<>();
		// Mostly well-formed headers, so that most bodies get past the edge to the SDK
		// and the tools.
		boolean wellFormed = random.nextInt(10) < 7;
		headers.put("Content-Type",
				wellFormed ? "application/json"
						: pick(random,
								List.of("application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
										"application/json;;", "text/plain", "application/jsonx",
										"multipart/form-data; boundary=x", "application/json; charset=latin1")));
		headers.put("Accept",
				wellFormed ? "application/json, text/event-stream"
						: pick(random, List.of("application/json, text/event-stream", "application/json",
								"text/event-stream", "*/*", "text/html", "application/json;q=0", ",,,")));
		if (random.nextInt(3) == 0) {
			headers.put("MCP-Protocol-Version", pick(random,
					List.of("2025-06-18", "2025-11-25", "2025-03-26", "2024-11-05", "x", "2025-06-18 ", "9999-99-99")));
		}
		if (random.nextInt(10) == 0) {
			headers.put("Origin", pick(random, List.of(ALLOWED_ORIGIN, "https://evil.example", "null", "file://")));
		}
		if (random.nextInt(8) == 0) {
			headers.put("Mcp-Session-Id", UUID.randomUUID().toString());
		}
		if (random.nextInt(10) == 0) {
			headers.put("X-Request-Id",
					pick(random, List.of("short", "x".repeat(80), "ok-request-id-1", "a b c d e f")));
		}
		headers.forEach(request::header);
		int verb = random.nextInt(40);
		String method = (verb == 0) ? "GET"
				: (verb == 1) ? "DELETE" : (verb == 2) ? "PUT" : (verb == 3) ? "PATCH" : "POST";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (random.nextInt(20) == 0 && bytes.length > 0) {
			// Invalid UTF-8.
			bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x40));
		}
		return request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
	}

	private String fuzzBody(Random random) {
		String valid = McpClients.JSON.writeValueAsString(validMessage(random));
		return switch (random.nextInt(10)) {
			case 0, 1, 2 -> valid;
			case 3 -> mutateBytes(valid, random);
			case 4 -> valid.substring(0, random.nextInt(valid.length() + 1));
			case 5 -> "[".repeat(random.nextInt(3000)) + "]".repeat(random.nextInt(3000));
			case 6 -> "{\"jsonrpc\":\"2.0\",\"id\":"
					+ pick(random,
							List.of("1e400", "-0", "null", "true", "[]", "{}", "\"" + "9".repeat(500) + "\"",
									"12345678901234567890123", "NaN"))
					+ ",\"method\":\"" + pick(random, METHODS) + "\",\"params\":"
					+ pick(random, List.of("null", "[]", "\"x\"", "1", "{}", "{\"name\":{},\"arguments\":[]}",
							"{\"name\":\"whoami\",\"arguments\":\"x\"}"))
					+ "}";
			case 7 -> randomJson(random, 0);
			case 8 -> valid.replace("\"jsonrpc\":\"2.0\"", "\"jsonrpc\":\"2.0\",\"jsonrpc\":\"2.0\"");
			default -> insertJunk(valid, random);
		};
	}

	private Map<String, Object> validMessage(Random random) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("jsonrpc", "2.0");
		String method = pick(random, METHODS);
		if (!method.startsWith("notifications/") || random.nextBoolean()) {
			message.put("id", random.nextBoolean() ? random.nextInt(1_000_000) : "id-" + random.nextInt());
		}
		message.put("method", method);
		if (method.equals("tools/call") || random.nextInt(4) == 0) {
			Map<String, Object> arguments = new LinkedHashMap<>();
			int count = random.nextInt(6);
			for (int i = 0; i < count; i++) {
				arguments.put(pick(random, FIELDS), randomValue(random));
			}
			if (random.nextBoolean()) {
				arguments.put("project_id", random.nextInt(4) == 0 ? UUID.randomUUID().toString() : web.toString());
			}
			if (random.nextInt(3) == 0) {
				arguments.put("idempotency_key", "fuzz-" + random.nextInt(50));
			}
			message.put("params", args("name", pick(random, TOOLS), "arguments", arguments));
		}
		else if (method.equals("initialize")) {
			message.put("params", args("protocolVersion", pick(random, List.of("2025-06-18", "2025-11-25", "x")),
					"capabilities", Map.of(), "clientInfo", Map.of("name", "fuzz", "version", "1")));
		}
		return message;
	}

	private Object randomValue(Random random) {
		return switch (random.nextInt(11)) {
			case 0 -> null;
			case 1 -> random.nextLong();
			case 2 -> random.nextDouble() * 1e300;
			case 3 -> random.nextBoolean();
			case 4 -> "x".repeat(random.nextInt(60_000));
			case 5 -> List.of(UUID.randomUUID().toString(), 1, Map.of());
			case 6 -> Map.of("nested", Map.of("deeper", List.of()));
			case 7 -> "WEB-" + random.nextInt(5);
			case 8 -> "\u202e\u200b<script>alert(1)</script>\uDB40\uDC41";
			case 9 -> UUID.randomUUID().toString();
			default -> "2026-13-45T99:99:99Z";
		};
	}

	private String randomJson(Random random, int depth) {
		if (depth > 4) {
			return "1";
		}
		return switch (random.nextInt(6)) {
			case 0 -> "{\"" + pick(random, FIELDS) + "\":" + randomJson(random, depth + 1) + "}";
			case 1 -> "[" + randomJson(random, depth + 1) + "," + randomJson(random, depth + 1) + "]";
			case 2 -> "\"" + pick(random, METHODS) + "\"";
			case 3 -> Long.toString(random.nextLong());
			case 4 -> "null";
			default -> "{\"jsonrpc\":\"2.0\",\"id\":" + randomJson(random, depth + 1) + ",\"method\":"
					+ randomJson(random, depth + 1) + ",\"params\":" + randomJson(random, depth + 1) + "}";
		};
	}

	private static String mutateBytes(String text, Random random) {
		char[] chars = text.toCharArray();
		int flips = 1 + random.nextInt(5);
		for (int i = 0; i < flips && chars.length > 0; i++) {
			chars[random.nextInt(chars.length)] = (char) (0x20 + random.nextInt(0x5f));
		}
		return new String(chars);
	}

	private static String insertJunk(String text, Random random) {
		int at = random.nextInt(text.length() + 1);
		String junk = pick(random,
				List.of("\u0000", "\"", "}", "{", ",", ":", "\\u0000", "\\ud800", "/*x*/", "\n\n", "𝕏"));
		return text.substring(0, at) + junk + text.substring(at);
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
