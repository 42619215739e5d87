package com.launcher.agentgateway.mcp;

import java.util.List;

import com.launcher.agentgateway.call.CallPipeline;
import com.launcher.agentgateway.call.Tool;
import com.launcher.agentgateway.call.ToolDescriptor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The tools as the MCP SDK sees them: each descriptor registered as an SDK tool, and each
 * {@code tools/call} translated into the call pipeline and back. Nothing is decided here.
 */
public final class McpTools {

	private final CallPipeline pipeline;

	private final McpJsonMapper mcpJson;

	private final ToolResults results;

	public McpTools(CallPipeline pipeline, McpJsonMapper mcpJson, ToolResults results) {
		this.pipeline = pipeline;
		this.mcpJson = mcpJson;
		this.results = results;
	}

	/** The SDK registrations, one per tool of the allowlist. */
	public List<SyncToolSpecification> specifications() {
		return this.pipeline.catalog().all().stream().map(this::specification).toList();
	}

	/**
	 * Whether {@code tools/list} shows the tool to this caller; write tools need a WRITE
	 * grant. Only a filter on the list: the pipeline checks again on every call.
	 */
	public boolean isVisible(McpTransportContext context, McpSchema.Tool tool) {
		McpCall call = McpCall.from(context);
		return this.pipeline.catalog()
			.find(tool.name())
			.map((known) -> known.descriptor().allows(call.principal()))
			.orElse(false);
	}

	/**
	 * Whether the SDK will hand this {@code tools/call} to the pipeline, which then
	 * writes the request's one audit event and counts it against the agent's limit. The
	 * SDK reads the parameters with this same mapper and dispatches every name it has
	 * registered.
	 * @param params the request's parameters
	 * @return true when the pipeline will run
	 */
	boolean reachPipeline(Object params) {
		try {
			McpSchema.CallToolRequest request = this.mcpJson.convertValue(params, McpSchema.CallToolRequest.class);
			return request != null && request.name() != null
					&& this.pipeline.catalog().find(request.name()).isPresent();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private SyncToolSpecification specification(Tool tool) {
		ToolDescriptor descriptor = tool.descriptor();
		McpSchema.Tool definition = McpSchema.Tool.builder()
			.name(descriptor.name())
			.title(descriptor.title())
			.description(descriptor.description())
			.inputSchema(this.mcpJson, json(descriptor.inputSchema()))
			.outputSchema(this.mcpJson, json(descriptor.outputSchema()))
			// Hints that drive clients' approval (mcp.md): keyed writes are idempotent
			// and
			// nothing is destructive or open-world.
			.annotations(
					new McpSchema.ToolAnnotations(descriptor.title(), !descriptor.writes(), false, true, false, null))
			.build();
		return new SyncToolSpecification(definition, (context, request) -> call(context, tool, request));
	}

	private McpSchema.CallToolResult call(McpTransportContext context, Tool tool, McpSchema.CallToolRequest request) {
		McpCall call = McpCall.from(context);
		try {
			return this.results
				.success(this.pipeline.call(call.principal(), tool, request.arguments(), call.protocolVersion()));
		}
		catch (GatewayException ex) {
			if (ex.errorCode() == ErrorCode.TOOL_NOT_AVAILABLE) {
				// "Neither listed nor callable": answered exactly like an unknown tool.
				throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Unknown tool").build();
			}
			return this.results.failure(ex);
		}
	}

	private String json(Object schema) {
		try {
			return this.mcpJson.writeValueAsString(schema);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("a tool schema cannot be written as JSON", ex);
		}
	}

}
