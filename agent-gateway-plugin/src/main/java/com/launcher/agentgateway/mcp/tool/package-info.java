/**
 * The allowlisted tools, one class per tool (DESIGN §6), each described by the JSON file
 * beside it ({@code <tool>.json}, shared fragments in {@code shared.json}). Tools read
 * Tasker only through the domain port {@code workitem.WorkItems} and run inside the
 * pipeline {@code call.CallPipeline} (DESIGN §5);
 * {@link com.launcher.agentgateway.mcp.tool.Tools} lists them.
 */
package com.launcher.agentgateway.mcp.tool;
