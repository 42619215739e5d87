package com.launcher.agentgateway.mcp;

import java.util.Map;
import java.util.Objects;

import com.launcher.agentgateway.token.AgentPrincipal;
import io.modelcontextprotocol.common.McpTransportContext;

/**
 * One JSON-RPC message being served: the authenticated agent, the negotiated protocol
 * revision, and whether its one audit event has been written. It reaches tool handlers
 * through the SDK's {@link McpTransportContext} (mcp.md, "contextExtractor").
 */
public final class McpCall {

	/** The transport-context key under which the call travels. */
	public static final String KEY = "agent-gateway.call";

	private final AgentPrincipal principal;

	private final String protocolVersion;

	private volatile boolean audited;

	public McpCall(AgentPrincipal principal, String protocolVersion) {
		this.principal = Objects.requireNonNull(principal, "principal");
		this.protocolVersion = protocolVersion;
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

	public AgentPrincipal principal() {
		return this.principal;
	}

	public String protocolVersion() {
		return this.protocolVersion;
	}

	public boolean audited() {
		return this.audited;
	}

	/**
	 * Records that this call's audit event is written, so the edge writes no second one.
	 */
	public void markAudited() {
		this.audited = true;
	}

}
