/**
 * The allowlisted MCP tools, one class per tool (DESIGN §6), and the one path every call
 * takes through {@link com.launcher.agentgateway.mcp.tool.ToolInvoker} (DESIGN §5).
 */
package com.launcher.agentgateway.mcp.tool;
