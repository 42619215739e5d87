package com.launcher.agentgateway.mcp;

import java.time.Duration;
import java.util.List;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import reactor.core.publisher.Mono;

/**
 * The tiny transport between our controller and the SDK's stateless server (mcp.md): the
 * controller owns HTTP; this only passes parsed messages to the SDK's handler. Servlets
 * cannot be registered once the host runs, so the SDK's servlet transport is not used.
 */
public class GatewayMcpTransport implements McpStatelessServerTransport {

	/**
	 * The revisions we accept, oldest first; the SDK answers an unknown one with the last
	 * (2025-11-25), and echoes a known one.
	 */
	public static final List<String> PROTOCOL_VERSIONS = List.of(ProtocolVersions.MCP_2025_03_26,
			ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

	private volatile McpStatelessServerHandler handler;

	@Override
	public void setMcpHandler(McpStatelessServerHandler handler) {
		this.handler = handler;
	}

	@Override
	public List<String> protocolVersions() {
		return PROTOCOL_VERSIONS;
	}

	@Override
	public Mono<Void> closeGracefully() {
		return Mono.empty();
	}

	/**
	 * Serves one request.
	 * @param context the transport context carrying the {@link McpCall}
	 * @param request the request
	 * @param timeout how long to wait
	 * @return the response
	 */
	public McpSchema.JSONRPCResponse handle(McpTransportContext context, McpSchema.JSONRPCRequest request,
			Duration timeout) {
		return requireHandler().handleRequest(context, request).block(timeout);
	}

	/**
	 * Delivers one notification.
	 * @param context the transport context
	 * @param notification the notification
	 * @param timeout how long to wait
	 */
	public void notify(McpTransportContext context, McpSchema.JSONRPCNotification notification, Duration timeout) {
		requireHandler().handleNotification(context, notification).block(timeout);
	}

	private McpStatelessServerHandler requireHandler() {
		McpStatelessServerHandler current = this.handler;
		if (current == null) {
			throw new IllegalStateException("the MCP server is not started");
		}
		return current;
	}

}
