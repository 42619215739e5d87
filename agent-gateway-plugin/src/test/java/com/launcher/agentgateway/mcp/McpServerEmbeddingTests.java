package com.launcher.agentgateway.mcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.call.CallObserver;
import com.launcher.agentgateway.call.CallPipeline;
import com.launcher.agentgateway.call.ToolCatalog;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.idempotency.IdempotencyService;
import com.launcher.agentgateway.idempotency.InMemoryIdempotencyStore;
import com.launcher.agentgateway.mcp.tool.Tools;
import com.launcher.agentgateway.persistence.SqlFailures;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.ratelimit.RateLimiter;
import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.tasker.TaskerWorkItems;
import com.launcher.agentgateway.tasker.TestAttribution;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.workitem.WorkItemSearch;
import com.launcher.host.api.tasker.TaskerClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The SDK's stateless server behind our transport, driven with parsed JSON-RPC messages
 * as the controller does: negotiation, hidden write tools, structured results, one audit
 * event.
 */
class McpServerEmbeddingTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final McpJsonMapper mcpJson = new JacksonMcpJsonMapper(this.json);

	private final List<AuditEvent> events = new ArrayList<>();

	private final TaskerClient taskerClient = mock(TaskerClient.class);

	private GatewayMcpTransport transport;

	private McpTools tools;

	@BeforeEach
	void setUp() {
		AuditLog audit = mock(AuditLog.class);
		org.mockito.Mockito.doAnswer((inv) -> this.events.add(inv.getArgument(0))).when(audit).append(any());
		PolicyService policies = mock(PolicyService.class);
		given(policies.current()).willReturn(Policy.defaults());
		RateLimiter limiter = mock(RateLimiter.class);
		given(limiter.tryAcquire(any(), any())).willReturn(RateLimiter.Decision.ALLOWED);
		WriteBudget budget = mock(WriteBudget.class);
		given(budget.tryConsume(any(), any(), org.mockito.ArgumentMatchers.anyInt())).willReturn(true);
		TaskerWorkItems workItems = new TaskerWorkItems(this.taskerClient, TestAttribution.keyed());
		Clock clock = Clock.systemUTC();
		CallPipeline pipeline = new CallPipeline(
				new ToolCatalog(Tools.allowlist(workItems, mock(WorkItemSearch.class), budget, mock(AgentService.class),
						SqlFailures::describe)),
				workItems,
				new IdempotencyService(new InMemoryIdempotencyStore(), clock, Duration.ofHours(24),
						Duration.ofMinutes(2), SqlFailures::describe),
				policies, new CallPipeline.Limits(limiter, budget), audit, new CompiledSchemaValidator(this.json),
				new ToolResults(this.json), clock, CallObserver.NONE, SqlFailures::describe);
		this.tools = new McpTools(pipeline, this.mcpJson, new ToolResults(this.json));
		this.transport = new GatewayMcpTransport();
		McpServer.sync(this.transport)
			.serverInfo("agent-gateway", "test")
			.instructions("untrusted data")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.jsonMapper(this.mcpJson)
			.jsonSchemaValidator(new CompiledSchemaValidator(this.json))
			.validateToolInputs(false)
			.immediateExecution(true)
			.addToolFilter(this.tools::isVisible)
			.tools(this.tools.specifications())
			.build();
	}

	@Test
	void initializeWhenKnownVersionThenEchoedAndWhenUnknownThenLatest() {
		assertThat(initialize("2025-06-18")).containsEntry("protocolVersion", "2025-06-18")
			.containsEntry("instructions", "untrusted data");
		assertThat(initialize("2025-03-26")).containsEntry("protocolVersion", "2025-03-26");
		assertThat(initialize("1999-01-01")).containsEntry("protocolVersion", "2025-11-25");
	}

	@Test
	void toolsListWhenReadOnlyGrantThenWriteToolsHidden() {
		List<String> reads = List.of("whoami", "list_projects", "list_work_items", "get_work_item", "list_comments",
				"list_states", "list_labels", "search_work_items");
		assertThat(toolNames(principal(Access.READ))).containsExactlyElementsOf(reads);
		assertThat(toolNames(principal(Access.WRITE))).containsAll(reads)
			.contains("create_work_item", "update_work_item", "add_comment", "report_progress")
			.hasSize(12);
	}

	@Test
	void reachPipelineWhenARegisteredToolIsNamedThenTrueAndOtherwiseFalse() {
		assertThat(this.tools.reachPipeline(Map.of("name", "whoami", "arguments", Map.of()))).isTrue();
		assertThat(this.tools.reachPipeline(Map.of("name", "add_comment"))).isTrue();
		assertThat(this.tools.reachPipeline(Map.of("name", "rm_rf"))).isFalse();
		assertThat(this.tools.reachPipeline(Map.of("arguments", Map.of()))).isFalse();
		assertThat(this.tools.reachPipeline("whoami")).isFalse();
		assertThat(this.tools.reachPipeline(null)).isFalse();
	}

	@Test
	void toolsCallWhenWriteToolWithReadOnlyGrantThenUnknownToolAndOneDeniedEvent() {
		McpSchema.JSONRPCResponse response = call(principal(Access.READ), "add_comment", Map.of());
		assertThat(response.error()).isNotNull();
		assertThat(response.error().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
		assertThat(this.events).singleElement()
			.satisfies((e) -> assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.DENIED));
		verifyNoInteractions(this.taskerClient);
	}

	@Test
	void toolsCallWhenWhoamiThenStructuredContentAndOneEventNamingAgentAndOwner() {
		AgentPrincipal principal = principal(Access.READ);
		McpSchema.JSONRPCResponse response = call(principal, "whoami", Map.of());
		McpSchema.CallToolResult result = this.mcpJson.convertValue(response.result(), McpSchema.CallToolResult.class);
		assertThat(result.isError()).isFalse();
		assertThat(((Map<?, ?>) result.structuredContent()).keySet().stream().map(String::valueOf).toList())
			.contains("agent", "owner", "grants", "write_budget");
		assertThat(this.events).singleElement().satisfies((e) -> {
			assertThat(e.action()).isEqualTo("tool.whoami");
			assertThat(e.agentId()).isEqualTo(principal.agentId());
			assertThat(e.ownerUserId()).isEqualTo(principal.ownerUserId());
		});
	}

	@Test
	void toolsCallWhenProjectNotGrantedThenIsErrorAndNoTaskerCall() {
		McpSchema.JSONRPCResponse response = call(principal(Access.WRITE), "add_comment",
				Map.of("project_id", UUID.randomUUID().toString(), "idempotency_key", "key-00000001", "work_item_id",
						UUID.randomUUID().toString(), "body", "hello"));
		McpSchema.CallToolResult result = this.mcpJson.convertValue(response.result(), McpSchema.CallToolResult.class);
		assertThat(result.isError()).isTrue();
		assertThat(((Map<?, ?>) result.structuredContent()).get("code")).isEqualTo("project_not_granted");
		verifyNoInteractions(this.taskerClient);
	}

	@Test
	void toolsCallWhenExtraArgumentThenValidationFailed() {
		McpSchema.JSONRPCResponse response = call(principal(Access.READ), "whoami", Map.of("evil", true));
		McpSchema.CallToolResult result = this.mcpJson.convertValue(response.result(), McpSchema.CallToolResult.class);
		assertThat(result.isError()).isTrue();
		assertThat(((Map<?, ?>) result.structuredContent()).get("code")).isEqualTo("validation_failed");
	}

	private Map<String, Object> initialize(String version) {
		McpCall call = new McpCall(principal(Access.READ), null);
		McpSchema.JSONRPCResponse response = this.transport.handle(
				call.toContext(), new McpSchema.JSONRPCRequest("2.0", "initialize", 1, Map.of("protocolVersion",
						version, "capabilities", Map.of(), "clientInfo", Map.of("name", "t", "version", "1"))),
				Duration.ofSeconds(5));
		@SuppressWarnings("unchecked")
		Map<String, Object> result = this.mcpJson.convertValue(response.result(), Map.class);
		return result;
	}

	private List<String> toolNames(AgentPrincipal principal) {
		McpSchema.JSONRPCResponse response = this.transport.handle(new McpCall(principal, null).toContext(),
				new McpSchema.JSONRPCRequest("2.0", "tools/list", 2, Map.of()), Duration.ofSeconds(5));
		return this.mcpJson.convertValue(response.result(), McpSchema.ListToolsResult.class)
			.tools()
			.stream()
			.map(McpSchema.Tool::name)
			.toList();
	}

	private McpSchema.JSONRPCResponse call(AgentPrincipal principal, String tool, Map<String, Object> args) {
		return this.transport.handle(new McpCall(principal, "2025-06-18").toContext(),
				new McpSchema.JSONRPCRequest("2.0", "tools/call", 3, Map.of("name", tool, "arguments", args)),
				Duration.ofSeconds(5));
	}

	private static AgentPrincipal principal(Access access) {
		UUID agent = UUID.randomUUID();
		Grant grant = new Grant(UUID.randomUUID(), agent, "demo", UUID.randomUUID(), "WEB", "Web", access,
				UUID.randomUUID(), Instant.now());
		return new AgentPrincipal(agent, "bot", UUID.randomUUID(), "alice@example.com", "Alice", UUID.randomUUID(),
				"agw_ab…wxyz", List.of(grant), "req-1", "127.0.0.1");
	}

}
