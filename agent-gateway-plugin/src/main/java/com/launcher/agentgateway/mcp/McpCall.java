package com.launcher.agentgateway.mcp;

import java.util.Map;
import java.util.Objects;

import com.launcher.agentgateway.token.AgentPrincipal;
import io.modelcontextprotocol.common.McpTransportContext;

/**
 * One JSON-RPC message being served: the authenticated agent and the negotiated protocol
 * revision. It reaches tool handlers through the SDK's {@link McpTransportContext}
 * (mcp.md, "contextExtractor").
 *
 * @param principal the agent
 * @param protocolVersion the revision the client speaks, or null before it is known
 */
public record McpCall(AgentPrincipal principal, String protocolVersion) {

	/** The transport-context key under which the call travels. */
	public static final String KEY = "agent-gateway.call";

	public McpCall {
		Objects.requireNonNull(principal, "principal");
	}

	/**
	 * The call from a transport context.
	 * @param context the SDK's context
	 * @return the call
	 * @throws IllegalStateException when the context was not made by our transport
	 */
	public static McpCall from(McpTransportContext context) {
		Object call = (context != null) ? context.get(KEY) : null;
		if (call instanceof McpCall mcpCall) {
			return mcpCall;
		}
		throw new IllegalStateException("no MCP call in the transport context");
	}

	public McpTransportContext toContext() {
		return McpTransportContext.create(Map.of(KEY, this));
	}

}
