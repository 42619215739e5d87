package com.launcher.e2e.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.mcp.McpClients.TestAgent;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.launcher.e2e.mcp.McpClients.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 point 3 through the built plugin: a host configured with an OTLP/HTTP endpoint
 * exports the MCP call's server span to an in-test receiver, as a child of the client's
 * {@code traceparent} from {@code params._meta}, with child spans for the database and
 * Tasker, and nothing an agent wrote and no token anywhere in the exported bytes.
 */
class McpTracingEndToEndTests {

	private static final HexFormat HEX = HexFormat.of();

	private static final List<byte[]> exports = new CopyOnWriteArrayList<>();

	private static HttpServer receiver;

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static UUID web;

	private static TestAgent agent;

	@BeforeAll
	static void start() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		receiver.createContext("/v1/traces", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				InputStream in = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
						? new GZIPInputStream(body) : body;
				exports.add(in.readAllBytes());
			}
			byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, (answer.length == 0) ? -1 : answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		receiver.start();
		cluster = LauncherCluster.start(1, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				Map.of("launcher.otel.traces-endpoint",
						"http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces",
						"launcher.otel.export-delay", "100ms", "launcher.otel.service-name", "e2e-launcher"));
		node = cluster.node();
		web = node.projectId("alice", "WEB");
		agent = McpClients.agent(node, "alice", "traced-bot", Map.of(web, "WRITE"));
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
		if (receiver != null) {
			receiver.stop(0);
		}
	}

	@Test
	void toolCallWhenClientSendsTraceparentThenServerSpanWithDatabaseAndTaskerChildrenExported() throws Exception {
		String traceId = HEX.formatHex(randomBytes(16));
		String parentId = HEX.formatHex(randomBytes(8));
		String cardText = "Card text " + UUID.randomUUID();
		Map<String, Object> params = Map.of("name", "create_work_item", "arguments",
				args("project_id", web.toString(), "idempotency_key", McpClients.key(), "title", cardText,
						"description", "Body " + cardText, "priority", "medium"),
				"_meta", Map.of("traceparent", "00-" + traceId + "-" + parentId + "-01"));
		String body = McpClients.JSON
			.writeValueAsString(Map.of("jsonrpc", "2.0", "id", "call-7", "method", "tools/call", "params", params));
		// A different trace in the HTTP header: _meta wins, as the conventions ask.
		Map<String, String> headers = McpClients.mcpHeaders();
		headers.put("traceparent",
				"00-" + HEX.formatHex(randomBytes(16)) + "-" + HEX.formatHex(randomBytes(8)) + "-01");
		HttpResponse<String> response = McpClients.post(node, agent.token(), body, headers);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = McpClients.JSON.readTree(response.body()).path("result");
		assertThat(result.path("isError").asBoolean()).as(response.body()).isFalse();

		Span server = awaitSpan((span) -> HEX.formatHex(span.getTraceId().toByteArray()).equals(traceId)
				&& span.getKind() == Span.SpanKind.SPAN_KIND_SERVER);
		assertThat(server.getName()).isEqualTo("tools/call create_work_item");
		assertThat(HEX.formatHex(server.getParentSpanId().toByteArray())).isEqualTo(parentId);
		assertThat(attribute(server, "mcp.method.name")).contains("tools/call");
		assertThat(attribute(server, "gen_ai.tool.name")).contains("create_work_item");
		assertThat(attribute(server, "gen_ai.operation.name")).contains("execute_tool");
		assertThat(attribute(server, "jsonrpc.request.id")).contains("call-7");
		assertThat(attribute(server, "network.transport")).contains("tcp");
		assertThat(attribute(server, "mcp.session.id")).isEmpty();

		Span tasker = awaitSpan((span) -> span.getParentSpanId().equals(server.getSpanId())
				&& span.getName().equals("tasker create_work_item"));
		assertThat(tasker.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
		assertThat(attribute(tasker, "agent_gateway.tasker.status")).contains("ok");
		Span database = awaitSpan((span) -> span.getParentSpanId().equals(server.getSpanId())
				&& "postgresql".equals(attribute(span, "db.system.name").orElse(null)));
		assertThat(database.getTraceId()).isEqualTo(server.getTraceId());
		assertThat(attribute(database, "db.operation.name").orElseThrow()).isIn("SELECT", "INSERT", "UPDATE", "DELETE");

		String exported = new String(allExports(), StandardCharsets.ISO_8859_1);
		assertThat(exported).doesNotContain(cardText)
			.doesNotContain(agent.token())
			.doesNotContain(agent.token().substring(4, 20))
			.contains("e2e-launcher");
	}

	@Test
	void pingWhenNoTraceparentThenARootServerSpan() throws Exception {
		HttpResponse<String> response = McpClients.post(node, agent.token(), McpClients.rpc(41, "ping", null),
				McpClients.mcpHeaders());
		assertThat(response.statusCode()).isEqualTo(200);

		Span ping = awaitSpan((span) -> span.getName().equals("ping")
				&& attribute(span, "jsonrpc.request.id").equals(Optional.of("41")));
		assertThat(ping.getParentSpanId().isEmpty()).isTrue();
		assertThat(ping.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
	}

	private static Span awaitSpan(java.util.function.Predicate<Span> wanted) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Span> found = spans().stream().filter(wanted).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no such span exported; got " + spans().stream().map(Span::getName).toList());
	}

	private static List<Span> spans() {
		return exports.stream()
			.map(McpTracingEndToEndTests::parse)
			.flatMap((request) -> request.getResourceSpansList().stream())
			.flatMap((resource) -> resource.getScopeSpansList().stream())
			.flatMap((scope) -> scope.getSpansList().stream())
			.toList();
	}

	private static ExportTraceServiceRequest parse(byte[] bytes) {
		try {
			return ExportTraceServiceRequest.parseFrom(bytes);
		}
		catch (IOException ex) {
			throw new AssertionError("not an OTLP traces export", ex);
		}
	}

	private static byte[] allExports() {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		exports.forEach(all::writeBytes);
		return all.toByteArray();
	}

	private static Optional<String> attribute(Span span, String key) {
		return span.getAttributesList()
			.stream()
			.filter((attribute) -> attribute.getKey().equals(key))
			.map(KeyValue::getValue)
			.map((value) -> value.getStringValue())
			.findFirst();
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new java.security.SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
