/**
 * The MCP endpoint's protocol edge (Streamable HTTP, stateless; mcp.md): our own Spring
 * MVC controller owns HTTP and checks the edge rules, then hands each JSON-RPC message to
 * the official SDK's stateless server through
 * {@link com.launcher.agentgateway.mcp.GatewayMcpTransport}. The tools themselves live in
 * {@code mcp.tool}.
 */
package com.launcher.agentgateway.mcp;
