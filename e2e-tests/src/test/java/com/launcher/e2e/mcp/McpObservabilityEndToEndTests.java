package com.launcher.e2e.mcp;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.mcp.McpClients.TestAgent;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static com.launcher.e2e.mcp.McpClients.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 points 1 and 2 through the built plugin in a real host: the host's
 * {@code /actuator/prometheus} and {@code /actuator/health} are a platform admin's only;
 * the gateway's meters are there and move with real calls; its health checks join the
 * host's; and stopping or reloading the plugin takes its meters away without leaving or
 * doubling any.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpObservabilityEndToEndTests {

	private static final String PROMETHEUS = "/actuator/prometheus";

	private static final String HEALTH = "/actuator/health";

	private static final AtomicInteger ids = new AtomicInteger();

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static UUID web;

	private static TestAgent agent;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1);
		node = cluster.node();
		web = node.projectId("alice", "WEB");
		agent = McpClients.agent(node, "alice", "observed-bot", Map.of(web, "WRITE"));
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	@Order(1)
	void actuatorWhenNotPlatformAdminThenRefused() {
		for (String path : new String[] { PROMETHEUS, HEALTH, "/actuator" }) {
			HttpResponse<String> anonymous = node.send(node.anonymous(path));
			assertThat(anonymous.statusCode()).as(path).isIn(302, 401);
			assertThat(anonymous.body()).doesNotContain("agent_gateway");
			HttpResponse<String> alice = node.get("alice", path);
			assertThat(alice.statusCode()).as(path).isEqualTo(403);
			assertThat(alice.body()).doesNotContain("agent_gateway");
			// An agent's token is no way in either.
			HttpResponse<String> agentToken = node
				.send(node.anonymous(path).header("Authorization", "Bearer " + agent.token()));
			assertThat(agentToken.statusCode()).as(path).isEqualTo(401);
		}
		assertThat(node.get("admin", PROMETHEUS).statusCode()).isEqualTo(200);
		assertThat(node.get("admin", HEALTH).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void prometheusWhenToolsCalledThenMetersPresentAndMoving() {
		String before = scrape();
		String key = McpClients.key();
		assertThat(callTool("whoami", args()).path("isError").asBoolean()).isFalse();
		assertThat(callTool("list_work_items", args("project_id", web.toString())).path("isError").asBoolean())
			.isFalse();
		Map<String, Object> create = args("project_id", web.toString(), "idempotency_key", key, "title",
				"Observed card", "priority", "medium");
		assertThat(callTool("create_work_item", create).path("isError").asBoolean()).isFalse();
		assertThat(callTool("create_work_item", create).path("structuredContent").path("replayed").asBoolean())
			.isTrue();
		assertThat(
				callTool("list_work_items", args("project_id", UUID.randomUUID().toString())).path("structuredContent")
					.path("code")
					.asString())
			.isEqualTo("project_not_granted");
		HttpResponse<String> refused = node.mcp("agw_" + "0".repeat(38), McpClients.rpc(1, "ping", null));
		assertThat(refused.statusCode()).isEqualTo(401);
		String after = scrape();

		assertThat(increase(before, after, "agent_gateway_tool_calls_seconds_count", "tool=\"whoami\"",
				"outcome=\"succeeded\"", "error=\"none\""))
			.isEqualTo(1);
		assertThat(increase(before, after, "agent_gateway_tool_calls_seconds_count", "tool=\"create_work_item\"",
				"outcome=\"succeeded\""))
			.isEqualTo(2);
		assertThat(increase(before, after, "agent_gateway_tool_calls_seconds_count", "tool=\"list_work_items\"",
				"outcome=\"denied\"", "error=\"project_not_granted\""))
			.isEqualTo(1);
		// A latency histogram with fixed buckets, not only a count.
		assertThat(after).contains("agent_gateway_tool_calls_seconds_bucket{")
			.containsPattern("agent_gateway_tool_calls_seconds_bucket\\{[^}]*le=\"0\\.1\"");
		assertThat(increase(before, after, "agent_gateway_idempotency_outcomes_total", "outcome=\"executed\""))
			.isEqualTo(1);
		assertThat(increase(before, after, "agent_gateway_idempotency_outcomes_total", "outcome=\"replayed\""))
			.isEqualTo(1);
		// The malformed token: its checksum fails before any lookup.
		assertThat(increase(before, after, "agent_gateway_auth_refusals_total", "reason=\"malformed_token\""))
			.isEqualTo(1);
		assertThat(increase(before, after, "agent_gateway_tasker_calls_seconds_count", "operation=\"create_work_item\"",
				"status=\"ok\""))
			.isEqualTo(1);
		// The owner's membership is answered from the shared cache (issue 14): only the
		// list and the create reach Tasker for certain.
		assertThat(increase(before, after, "agent_gateway_tasker_calls_seconds_count", "operation=\"list_work_items\"",
				"status=\"ok\""))
			.isEqualTo(1);
		assertThat(increase(before, after, "agent_gateway_tasker_calls_seconds_count", "status=\"ok\""))
			.isGreaterThanOrEqualTo(2);
		assertThat(increase(before, after, "agent_gateway_audit_append_seconds_count", "outcome=\"stored\""))
			.isGreaterThanOrEqualTo(6);
		assertThat(value(after, "agent_gateway_audit_chain_head"))
			.isGreaterThan(value(before, "agent_gateway_audit_chain_head"));
		// The shared Tasker budget (issue 14): these calls spent some of the last
		// minute's.
		assertThat(value(after, "agent_gateway_tasker_budget_used")).isGreaterThanOrEqualTo(2);
		assertThat(after).contains("agent_gateway_tasker_budget_left ", "agent_gateway_tasker_budget_waiting ");
		assertThat(value(after, "launcher_tasker_circuit_state", "state=\"closed\"")).isEqualTo(1);
		assertThat(value(after, "launcher_tasker_circuit_state", "state=\"open\"")).isZero();
		// The host times every request by its mapped path; it keeps no in-flight timer,
		// which would be tagged uri="UNKNOWN" (application.yml).
		assertThat(increase(before, after, "http_server_requests_seconds_count", "uri=\"/plugins/agent-gateway/mcp\""))
			.isGreaterThanOrEqualTo(5);
		assertThat(after).doesNotContain("http_server_requests_active");
		// Bounded tags only: no agent, token, card or address ever labels a series.
		assertThat(after).doesNotContain(agent.id().toString())
			.doesNotContain(agent.token())
			.doesNotContain("Observed card")
			.doesNotContain("127.0.0.1");
	}

	@Test
	@Order(3)
	void healthWhenAdminThenPluginChecksJoinTheHostsHealth() {
		HttpResponse<String> response = node.get("admin", HEALTH);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = LauncherNode.json(response);
		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode gateway = health.path("components").path("plugins").path("components").path("agent-gateway");
		assertThat(gateway.path("status").asString()).as(response.body()).isEqualTo("UP");
		for (String check : new String[] { "state", "database", "tasker", "policy-listener" }) {
			assertThat(gateway.path("components").path(check).path("status").asString()).as(check).isEqualTo("UP");
		}
		assertThat(gateway.path("components").path("tasker").path("details").path("lastStatus").asString())
			.isEqualTo("ok");
		assertThat(gateway.path("components").path("tasker").path("details").path("budgetLeft").isMissingNode())
			.isFalse();
		assertThat(gateway.path("components").path("state").path("details").path("state").asString())
			.isEqualTo("STARTED");
	}

	@Test
	@Order(4)
	void metersWhenPluginStoppedOrReloadedThenRemovedAndNeverDoubled() {
		MeterRegistry registry = node.context().getBean(MeterRegistry.class);
		callTool("whoami", args());
		assertThat(gatewayMeters(registry)).isGreaterThan(0);

		assertThat(node.post("admin", "/launcher/api/plugins/agent-gateway/stop", null).statusCode()).isEqualTo(200);
		assertThat(gatewayMeters(registry)).as("every gateway meter leaves with the plugin").isZero();
		assertThat(scrape()).doesNotContain("agent_gateway_").contains("launcher_tasker_circuit_state");
		JsonNode stopped = LauncherNode.json(node.get("admin", HEALTH))
			.path("components")
			.path("plugins")
			.path("components")
			.path("agent-gateway");
		assertThat(stopped.path("status").asString()).isEqualTo("UNKNOWN");
		assertThat(stopped.path("details").path("state").asString()).isEqualTo("STOPPED");

		assertThat(node.post("admin", "/launcher/api/plugins/agent-gateway/start", null).statusCode()).isEqualTo(200);
		callTool("whoami", args());
		assertThat(
				value(scrape(), "agent_gateway_tool_calls_seconds_count", "tool=\"whoami\"", "outcome=\"succeeded\""))
			.as("a fresh meter after a start")
			.isEqualTo(1);

		assertThat(node.post("admin", "/launcher/api/plugins/agent-gateway/reload", null).statusCode()).isEqualTo(200);
		callTool("whoami", args());
		callTool("whoami", args());
		String afterReload = scrape();
		assertThat(value(afterReload, "agent_gateway_tool_calls_seconds_count", "tool=\"whoami\"",
				"outcome=\"succeeded\""))
			.isEqualTo(2);
		assertThat(afterReload.lines().filter((line) -> line.startsWith("agent_gateway_audit_chain_head ")).count())
			.as("one chain-head gauge, read from the new plugin")
			.isEqualTo(1);
		assertThat(value(afterReload, "agent_gateway_audit_chain_head")).isGreaterThan(0);
		ClassLoader current = node.pluginHost().classLoader("agent-gateway").orElseThrow();
		assertThat(registry.getMeters()
			.stream()
			.filter((meter) -> meter.getId().getName().startsWith("agent_gateway."))
			.map(Meter::getId)
			.distinct()
			.count()).isEqualTo(gatewayMeters(registry));
		assertThat(current).isNotNull();
		assertThat(LauncherNode.json(node.get("admin", HEALTH))
			.path("components")
			.path("plugins")
			.path("components")
			.path("agent-gateway")
			.path("status")
			.asString()).isEqualTo("UP");
	}

	private static long gatewayMeters(MeterRegistry registry) {
		return registry.getMeters()
			.stream()
			.filter((meter) -> meter.getId().getName().startsWith("agent_gateway."))
			.count();
	}

	private static String scrape() {
		HttpResponse<String> response = node.get("admin", PROMETHEUS);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode callTool(String tool, Map<String, Object> arguments) {
		HttpResponse<String> response = McpClients.post(node, agent.token(),
				McpClients.toolCall(ids.incrementAndGet(), tool, arguments), McpClients.mcpHeaders());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode envelope = McpClients.JSON.readTree(response.body());
		assertThat(envelope.has("error")).as(response.body()).isFalse();
		return envelope.path("result");
	}

	private static double increase(String before, String after, String name, String... labels) {
		return value(after, name, labels) - value(before, name, labels);
	}

	/**
	 * The sum of the series of {@code name} whose labels include all of {@code labels}.
	 */
	static double value(String exposition, String name, String... labels) {
		double sum = 0;
		for (String line : exposition.lines().toList()) {
			if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
				continue;
			}
			boolean matches = true;
			for (String label : labels) {
				matches &= line.contains(label);
			}
			if (matches) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return sum;
	}

}
